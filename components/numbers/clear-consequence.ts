import { tierUrl } from '@/lib/routing/tiers';
import type { NumberRoute } from '@/lib/routing/types';

/** What clearing a number's phone override leads to, named for the confirmation dialog. */
export function clearPhoneSentence(
  numberLabel: string,
  number: Pick<NumberRoute, 'tiers' | 'subscribed'>,
): string {
  if (!number.subscribed) {
    return `Number ${numberLabel} receives nothing either way: this app is not subscribed to its WABA.`;
  }
  const waba = tierUrl(number.tiers, 'whatsapp_business_account');
  if (waba) return `Number ${numberLabel} will fall back to the WABA override ${waba}.`;
  const app = tierUrl(number.tiers, 'application');
  if (app) return `Number ${numberLabel} will fall back to the app callback URL ${app}.`;
  return `Number ${numberLabel} will fall back to nothing: no WABA override or app callback URL is set, so its messages webhooks will not be delivered.`;
}
