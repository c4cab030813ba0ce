'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { sendTestEventAction } from '@/app/(console)/receivers/_actions/send-test-event';
import { PendingLabel } from '@/components/common/pending-label';
import { QueryProvider } from '@/components/common/query-provider';
import { Button } from '@/components/ui/button';
import { ResultRegion } from '@/components/ui/result-region';
import { Select } from '@/components/ui/select';
import { useActionForm } from '@/components/ui/use-action-form';
import { getJson } from '@/lib/query/get-json';
import { receiverKeys } from '@/lib/query/keys';
import type { TestEventView } from '@/lib/receivers/test-event';
import { LatestDelivery } from './latest-delivery';
import { TestEventTargets } from './test-event-targets';

const EVENTS = [
  { value: 'messages:message', label: 'messages — inbound message' },
  { value: 'messages:status', label: 'messages — status update' },
  { value: 'account_update:message', label: 'account_update (always the app callback)' },
  { value: 'account_review_update:message', label: 'account_review_update (always the app callback)' },
  { value: 'phone_number_name_update:message', label: 'phone_number_name_update (always the app callback)' },
  {
    value: 'phone_number_quality_update:message',
    label: 'phone_number_quality_update (always the app callback)',
  },
  {
    value: 'message_template_status_update:message',
    label: 'message_template_status_update (always the app callback)',
  },
] as const;

interface TestEventPanelProps {
  phoneNumberId: string;
  /** GRAPH_SANDBOX_CONTROL_URL is configured: events can be emitted. Otherwise only live deliveries show. */
  sandboxMode: boolean;
  canSend: boolean;
  /** Deliveries carry customers' messages: operators and admins only (`deliveries.read`). */
  canReadDeliveries: boolean;
}

/** Routing proof on a number's page: send a test event (sandbox) and see where it lands, by which tier. */
export function TestEventPanel(props: TestEventPanelProps) {
  return (
    <QueryProvider>
      <TestEvents {...props} />
    </QueryProvider>
  );
}

function TestEvents({ phoneNumberId, sandboxMode, canSend, canReadDeliveries }: TestEventPanelProps) {
  const id = useId();
  const queryClient = useQueryClient();
  const [event, setEvent] = useState<string>(EVENTS[0].value);
  const emit = useActionForm(sendTestEventAction, {
    resetOnSuccess: false,
    after: (result) =>
      result.ok && queryClient.invalidateQueries({ queryKey: receiverKeys.latestForNumber(phoneNumberId) }),
  });
  const sent = emit.state?.ok ? emit.state.data : null;

  // Retries keep running in the sandbox after the first answer; follow them until every copy settles.
  const followUp = useQuery({
    queryKey: receiverKeys.emission(sent?.id ?? ''),
    queryFn: () => getJson<TestEventView>(`/receivers/test-events/${sent?.id}`),
    enabled: Boolean(sent && !sent.settled),
    refetchInterval: (q) => (q.state.data?.settled ? false : 1_000),
  });
  const view = followUp.data?.id === sent?.id ? (followUp.data ?? sent) : sent;

  function send() {
    const [field, kind] = event.split(':') as [string, 'message' | 'status'];
    void emit.run({ phoneNumberId, field: field as 'messages', kind });
  }

  return (
    <div className="space-y-4">
      {sandboxMode && canSend && (
        <div className="flex flex-wrap items-end gap-3">
          <div className="min-w-0 max-w-full space-y-1">
            <label htmlFor={`${id}-event`} className="text-sm font-medium">
              Event
            </label>
            <Select
              id={`${id}-event`}
              value={event}
              onChange={(e) => setEvent(e.target.value)}
              fieldWidth="auto"
            >
              {EVENTS.map((e) => (
                <option key={e.value} value={e.value}>
                  {e.label}
                </option>
              ))}
            </Select>
          </div>
          <Button onClick={send} disabled={emit.pending}>
            <PendingLabel pending={emit.pending} idle="Send test event" busy="Sending…" />
          </Button>
        </div>
      )}
      {sandboxMode && !canSend && (
        <p className="text-sm text-slate-700">Operators and admins can send test events.</p>
      )}
      <ResultRegion
        state={emit.state}
        className="space-y-3"
        success={() => view && <TestEventTargets targets={view.targets} withoutCopy={view.withoutCopy} />}
      />
      {canReadDeliveries ? (
        <LatestDelivery phoneNumberId={phoneNumberId} />
      ) : (
        !sandboxMode && <p className="text-sm text-slate-700">Operators and admins can see deliveries.</p>
      )}
    </div>
  );
}
