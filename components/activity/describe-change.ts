/**
 * A change-log row in words: the sentence ("Set phone number override of +44 7700 900123 (Acme Retail EU) to
 * https://…") and the URL it moved from and to, read from the recorded states. Pure: the raw record stays
 * available next to it for anything these words leave out.
 */
import type { ChangeLogRow } from '@/lib/db/schema';

type Row = Pick<
  ChangeLogRow,
  'action' | 'targetType' | 'targetId' | 'before' | 'requested' | 'after' | 'outcome'
>;

function field(state: unknown, ...path: string[]): unknown {
  let value: unknown = state;
  for (const key of path) {
    if (!value || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

function url(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

/** The URL a routing change is about, as recorded before and read back after; null for other changes. */
export function urlChange(row: Row): { before: string | null; after: string | null } | null {
  const read = (state: unknown) => {
    if (row.action.startsWith('phone_override.')) return url(field(state, 'tiers', 'phone_number'));
    if (row.action.startsWith('waba_override.')) return url(field(state, 'wabaOverride'));
    if (row.action.startsWith('app_subscription.')) {
      return url(field(state, 'callbackUrl')) ?? url(field(state, 'subscription', 'callbackUrl'));
    }
    return undefined;
  };
  const before = read(row.before);
  if (before === undefined) return null;
  const requested =
    url(field(row.requested, 'overrideCallbackUri')) ?? url(field(row.requested, 'callbackUrl'));
  // Without a read-back (refused, failed) the "after" shown is what was asked for, not what Graph holds.
  const after = row.after !== null && row.after !== undefined ? (read(row.after) ?? null) : requested;
  return { before, after };
}

/** [past tense, infinitive] of each action, before the target's name. */
const VERBS: Record<string, [string, string]> = {
  'phone_override.set': ['Set phone number override of', 'set phone number override of'],
  'phone_override.clear': ['Cleared phone number override of', 'clear phone number override of'],
  'waba_override.set': ['Set WABA override of', 'set WABA override of'],
  'waba_override.clear': ['Cleared WABA override of', 'clear WABA override of'],
  'waba.subscribe': ['Subscribed this app to', 'subscribe this app to'],
  'waba.unsubscribe': ['Unsubscribed this app from', 'unsubscribe this app from'],
  'app_subscription.set': ['Set the app callback of', 'set the app callback of'],
  'app_subscription.delete': ['Deleted the app subscription of', 'delete the app subscription of'],
  'receiver.create': ['Created receiver', 'create receiver'],
  'receiver.delete': ['Deleted receiver', 'delete receiver'],
  'receiver.rotate_secret': ['Rotated the secret of receiver', 'rotate the secret of receiver'],
  'user.create': ['Created user', 'create user'],
  'user.role_change': ['Changed the role of', 'change the role of'],
  'user.link_sso': ['Linked single sign-on to', 'link single sign-on to'],
};

const SETS_URL = new Set(['phone_override.set', 'waba_override.set', 'app_subscription.set']);

/** One sentence for the row; `name` is the target as a person knows it (falls back to its id). */
export function changeSentence(row: Row, name: string | undefined): string {
  const target = name ?? row.targetId;
  const verbs = VERBS[row.action];
  if (!verbs) return `${row.action} on ${row.targetType} ${target}`;
  const done = row.outcome === 'success';
  const head = done ? verbs[0] : `Tried to ${verbs[1]}`;
  const to = SETS_URL.has(row.action)
    ? (url(field(row.requested, 'overrideCallbackUri')) ?? url(field(row.requested, 'callbackUrl')))
    : null;
  return `${head} ${target}${to ? ` to ${to}` : ''}`;
}
