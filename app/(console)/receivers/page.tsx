import type { Metadata } from 'next';
import { PageHeader } from '@/components/common/page-header';
import { CreateReceiverForm } from '@/components/receivers/create-receiver-form';
import { ReceiversTable } from '@/components/receivers/receivers-table';
import { Card, CardContent } from '@/components/ui/card';
import { requirePageAccess } from '@/lib/auth/page-access';
import { can } from '@/lib/auth/permissions';
import { listReceivers } from '@/lib/receivers/queries';
import { getReceiversContext } from '@/lib/server';

export const metadata: Metadata = { title: 'Receivers' };

export default async function ReceiversPage() {
  // A real 403 (app/(console)/forbidden.tsx) rather than a refusal rendered with status 200.
  const user = await requirePageAccess('/receivers');
  const receivers = await listReceivers(await getReceiversContext());
  return (
    <>
      <PageHeader
        title="Receivers"
        description="Webhook endpoints Switchboard hosts. Point a phone number, WABA or app callback at one to see, delivery by delivery, that events arrive where the routing says they go."
      />
      <div className="space-y-6">
        {can(user.role, 'receivers.manage') && (
          <Card>
            <CardContent className="pt-4">
              <CreateReceiverForm />
            </CardContent>
          </Card>
        )}
        <ReceiversTable receivers={receivers} />
      </div>
    </>
  );
}
