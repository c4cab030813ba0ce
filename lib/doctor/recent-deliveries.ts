/** `recent_deliveries`: what the managed receiver behind the winning URL stored for this number lately. */
import 'server-only';
import { and, count, desc, eq, gte, inArray } from 'drizzle-orm';
import type { Db } from '@/lib/db/client';
import { receiverDeliveries, receiverEvents, receivers } from '@/lib/db/schema';
import type { ManagedReceiverMatch } from './context';
import type { DoctorCheck } from './types';

/** Signature failures are counted over the last day: older ones say little about the current secret. */
const SIGNATURE_WINDOW_MS = 24 * 3_600_000;

function ago(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.round(minutes / 60);
  return hours < 48 ? `${hours} h` : `${Math.round(hours / 24)} days`;
}

export async function recentDeliveriesCheck(
  db: Db,
  phoneNumberId: string,
  managed: ManagedReceiverMatch | null,
  now: Date = new Date(),
): Promise<DoctorCheck> {
  if (!managed) {
    return {
      id: 'recent_deliveries',
      status: 'skip',
      title: 'The winning URL is not a managed receiver, so Switchboard cannot see its deliveries.',
      detail: 'Only deliveries to Switchboard’s own receivers (/api/hooks/<id>) are recorded.',
    };
  }
  const [last] = await db
    .select({ receivedAt: receiverEvents.receivedAt, field: receiverEvents.field })
    .from(receiverEvents)
    .where(
      and(eq(receiverEvents.receiverId, managed.receiverId), eq(receiverEvents.phoneNumberId, phoneNumberId)),
    )
    .orderBy(desc(receiverEvents.receivedAt))
    .limit(1);
  const since = new Date(Math.max(now.getTime() - SIGNATURE_WINDOW_MS, last?.receivedAt.getTime() ?? 0));
  const [bad] = await db
    .select({ n: count() })
    .from(receiverDeliveries)
    .where(
      and(
        eq(receiverDeliveries.receiverId, managed.receiverId),
        inArray(receiverDeliveries.rejectReason, ['bad_signature', 'missing_signature']),
        gte(receiverDeliveries.receivedAt, since),
      ),
    );
  const badCount = bad?.n ?? 0;
  const [mtls] = await db
    .select({ required: receivers.requireMtls })
    .from(receivers)
    .where(eq(receivers.id, managed.receiverId))
    .limit(1);
  const [noCert] = mtls?.required
    ? await db
        .select({ n: count() })
        .from(receiverDeliveries)
        .where(
          and(
            eq(receiverDeliveries.receiverId, managed.receiverId),
            eq(receiverDeliveries.rejectReason, 'client_certificate'),
            gte(receiverDeliveries.receivedAt, since),
          ),
        )
    : [];
  const noCertCount = noCert?.n ?? 0;
  // Graph does not expose the App Dashboard's per-app mTLS toggle, so only what the receiver saw can tell.
  const mtlsText = mtls?.required
    ? ' It requires mTLS; whether Meta presents a client certificate is the app’s App Dashboard setting, which Graph does not expose.'
    : '';
  const lastText = last
    ? `Last event for this number: ${last.field} at ${last.receivedAt.toISOString()} (${ago(now.getTime() - last.receivedAt.getTime())} ago).`
    : 'No event for this number recorded yet.';
  if (noCertCount > 0) {
    return {
      id: 'recent_deliveries',
      status: 'fail',
      title: 'The receiver requires mTLS and refuses deliveries without a valid client certificate.',
      detail: `Managed receiver ${managed.name}: ${noCertCount} deliver${noCertCount === 1 ? 'y' : 'ies'} refused for a missing or invalid client certificate since ${since.toISOString()}. Turn mTLS on for the app in the App Dashboard (Graph does not expose that setting), or stop requiring it on the receiver. ${lastText}`,
      fix: { kind: 'receivers', receiverId: managed.receiverId, label: 'Open the receiver' },
    };
  }
  if (badCount > 0) {
    return {
      id: 'recent_deliveries',
      status: 'fail',
      title: "The receiver rejects Meta's deliveries as badly signed: check its app secret.",
      detail: `Managed receiver ${managed.name}: ${badCount} deliver${badCount === 1 ? 'y' : 'ies'} refused for a bad or missing X-Hub-Signature-256 since ${since.toISOString()}. ${lastText}`,
      fix: { kind: 'receivers', receiverId: managed.receiverId, label: 'Open the receiver' },
    };
  }
  if (!last) {
    return {
      id: 'recent_deliveries',
      status: 'skip',
      title: 'Nothing delivered for this number yet.',
      detail: `Managed receiver ${managed.name} has stored no event for this number and refused none as badly signed.${mtlsText}`,
    };
  }
  return {
    id: 'recent_deliveries',
    status: 'pass',
    title: `The receiver last stored an event for this number ${ago(now.getTime() - last.receivedAt.getTime())} ago.`,
    detail: `Managed receiver ${managed.name}. ${lastText} No signature failures since.${mtlsText}`,
  };
}
