import { Section } from '@/components/common/section';
import { can } from '@/lib/auth/permissions';
import { getCurrentUser } from '@/lib/auth/session';
import { getConfig } from '@/lib/config';
import { LazyTestEventPanel } from './lazy-test-event-panel';

/**
 * Drop-in section for a number's page. Sandbox mode is configuration (GRAPH_SANDBOX_CONTROL_URL), not a guess
 * from the Graph base URL: with it, *Send test event*; without it (live), the last delivery our receivers saw.
 */
export async function TestEventSection({ phoneNumberId }: { phoneNumberId: string }) {
  const user = await getCurrentUser();
  const sandboxMode = Boolean(getConfig().GRAPH_SANDBOX_CONTROL_URL);
  return (
    <Section
      id={`routing-proof-${phoneNumberId}`}
      title="Routing proof"
      description={
        sandboxMode
          ? 'Send a signed test event through the sandbox copy of Meta’s routing and see where each app’s copy lands.'
          : 'The last delivery that one of Switchboard’s managed receivers stored for this number.'
      }
    >
      <LazyTestEventPanel
        phoneNumberId={phoneNumberId}
        sandboxMode={sandboxMode}
        canSend={can(user?.role, 'callback.test')}
        canReadDeliveries={can(user?.role, 'deliveries.read')}
      />
    </Section>
  );
}
