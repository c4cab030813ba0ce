/** Whether a winning URL is one of Switchboard's managed receivers (`<RECEIVER_BASE_URL>/api/hooks/<id>`). */
import 'server-only';
import type { ReceiversContext } from '@/lib/receivers/context';
import { resolveReceiverTarget } from '@/lib/receivers/picker';
import type { ManagedReceiverMatch } from './context';

export function managedReceiverMatcher(rctx: ReceiversContext) {
  const prefix = `${rctx.baseUrl.replace(/\/+$/, '')}/api/hooks/`;
  return async (url: string): Promise<ManagedReceiverMatch | null> => {
    if (!url.startsWith(prefix)) return null;
    const id = url.slice(prefix.length).split(/[?#/]/)[0] ?? '';
    const target = await resolveReceiverTarget(rctx, id);
    if (!target) return null;
    return { receiverId: target.receiver.id, name: target.receiver.name, verifyToken: target.verifyToken };
  };
}
