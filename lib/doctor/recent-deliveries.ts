/** `recent_deliveries`: what the managed receiver behind the winning URL stored for this number lately. */
import 'server-only';
import { and, count, desc, eq, gte, inArray } from 'drizzle-orm';
import type { Db } from '@/lib/db/client';
import { receiverDeliveries, receiverEvents } from '@/lib/db/schema';
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
  const lastText = last
    ? `Last event for this number: ${last.field} at ${last.receivedAt.toISOString()} (${ago(now.getTime() - last.receivedAt.getTime())} ago).`
    : 'No event for this number recorded yet.';
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
      detail: `Managed receiver ${managed.name} has stored no event for this number and refused none as badly signed.`,
    };
  }
  return {
    id: 'recent_deliveries',
    status: 'pass',
    title: `The receiver last stored an event for this number ${ago(now.getTime() - last.receivedAt.getTime())} ago.`,
    detail: `Managed receiver ${managed.name}. ${lastText} No signature failures since.`,
  };
}
