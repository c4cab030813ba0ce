import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { Suspense } from 'react';
import { Forbidden } from '@/components/auth/forbidden';
import { PageHeader } from '@/components/common/page-header';
import { PageSkeleton } from '@/components/common/page-skeleton';
import { Section } from '@/components/common/section';
import { DeleteReceiverButton } from '@/components/receivers/delete-receiver-button';
import { DeliveryInspector } from '@/components/receivers/delivery-inspector';
import { ReceiverFacts } from '@/components/receivers/receiver-facts';
import { RequireMtlsForm } from '@/components/receivers/require-mtls-form';
import { RotateSecretForm } from '@/components/receivers/rotate-secret-form';
import { can } from '@/lib/auth/permissions';
import { requireUser } from '@/lib/auth/session';
import { isReceiverId } from '@/lib/receivers/context';
import { getReceiver } from '@/lib/receivers/queries';
import { getReceiversContext } from '@/lib/server';

export const metadata: Metadata = { title: 'Receiver' };

export default async function ReceiverPage({ params }: { params: Promise<{ receiverId: string }> }) {
  const user = await requireUser();
  if (!can(user.role, 'deliveries.read')) {
    return (
      <Forbidden what="Reading webhook receivers and their deliveries" role={user.role} needed="operator" />
    );
  }
  const { receiverId } = await params;
  if (!isReceiverId(receiverId)) notFound();
  const ctx = await getReceiversContext();
  const receiver = await getReceiver(ctx, receiverId);
  if (!receiver) notFound();
  const canManage = can(user.role, 'receivers.manage');
  return (
    <>
      <PageHeader
        title={receiver.name}
        description="A managed webhook receiver and everything it has received."
        actions={
          canManage && (
            <DeleteReceiverButton receiverId={receiver.id} name={receiver.name} url={receiver.url} />
          )
        }
      />
      <div className="space-y-6">
        <Section id="receiver-settings" title="Settings">
          <div className="space-y-6">
            <ReceiverFacts receiver={receiver} retentionDays={ctx.retentionDays} />
            {canManage && <RequireMtlsForm receiverId={receiver.id} requireMtls={receiver.requireMtls} />}
            {canManage && (
              <RotateSecretForm receiverId={receiver.id} defaultGraceHours={ctx.rotationGraceHours} />
            )}
          </div>
        </Section>
        <Section
          id="receiver-deliveries"
          title="Deliveries"
          description="Every POST this receiver answered: stored, duplicate (a retry of events already stored) or rejected."
        >
          <Suspense fallback={<PageSkeleton label="Loading deliveries" rows={4} />}>
            <DeliveryInspector receiverId={receiver.id} />
          </Suspense>
        </Section>
      </div>
    </>
  );
}
