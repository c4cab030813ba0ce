import type { ReactNode } from 'react';
import { can } from '@/lib/auth/permissions';
import type { Role } from '@/lib/db/schema';
import { listReceiverChoices } from '@/lib/receivers/picker';
import { getReceiversContext } from '@/lib/server';
import { ReceiverChoicesProvider } from './receiver-choices';

/**
 * Loads the receivers the signed-in role may point an override at (everyone who may set overrides may use
 * any receiver; viewers none) and gives them to the client components below: ids, names and URLs, never a
 * verify token or app secret.
 */
export async function ReceiverChoicesBoundary({ role, children }: { role: Role; children: ReactNode }) {
  const receivers = can(role, 'override.write') ? await listReceiverChoices(await getReceiversContext()) : [];
  return (
    <ReceiverChoicesProvider value={{ receivers, canManage: can(role, 'receivers.manage') }}>
      {children}
    </ReceiverChoicesProvider>
  );
}
