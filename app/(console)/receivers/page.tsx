import type { Metadata } from 'next';
import { Forbidden } from '@/components/auth/forbidden';
import { PageHeader } from '@/components/common/page-header';
import { CreateReceiverForm } from '@/components/receivers/create-receiver-form';
import { ReceiversTable } from '@/components/receivers/receivers-table';
import { Card, CardContent } from '@/components/ui/card';
import { can } from '@/lib/auth/permissions';
import { requireUser } from '@/lib/auth/session';
import { listReceivers } from '@/lib/receivers/queries';
import { getReceiversContext } from '@/lib/server';

export const metadata: Metadata = { title: 'Receivers' };

export default async function ReceiversPage() {
  const user = await requireUser();
  if (!can(user.role, 'deliveries.read')) {
    return (
      <Forbidden what="Reading webhook receivers and their deliveries" role={user.role} needed="operator" />
    );
  }
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
