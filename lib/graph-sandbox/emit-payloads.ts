/**
 * Webhook payloads the sandbox can emit, shaped like the examples on Meta's webhook pages (summarised in
 * docs/graph-facts.md §7): `messages` (an inbound text message or a status) and the account, phone number and template
 * fields. Every payload is `{"object":"whatsapp_business_account","entry":[{id, time, changes:[{field, value}]}]}`.
 */
import { randomBytes } from 'node:crypto';
import type { EmittableField, MessageKind } from '@/lib/graph/schemas';
import type { PhoneNumber, Waba } from './types';

export const STATUS_VALUES = ['sent', 'delivered', 'read', 'failed'] as const;
export type StatusValue = (typeof STATUS_VALUES)[number];

export interface PayloadInput {
  field: EmittableField;
  kind: MessageKind;
  status: StatusValue;
  phone: PhoneNumber;
  waba: Waba;
  /** Unix seconds. */
  time: number;
}

/** Meta sends display numbers as digits only in webhooks. */
const digits = (display: string) => display.replace(/\D/g, '');

/** A `wamid.` id: base64 of random bytes, like Meta's. */
export function messageId(): string {
  return `wamid.${randomBytes(24).toString('base64')}`;
}

function messagesValue(input: PayloadInput): Record<string, unknown> {
  const metadata = {
    display_phone_number: digits(input.phone.display_phone_number),
    phone_number_id: input.phone.id,
  };
  const customer = '16505550123';
  if (input.kind === 'status') {
    return {
      messaging_product: 'whatsapp',
      metadata,
      statuses: [
        {
          id: messageId(),
          status: input.status,
          timestamp: String(input.time),
          recipient_id: customer,
          conversation: { id: randomBytes(16).toString('hex'), origin: { type: 'service' } },
          pricing: { billable: true, pricing_model: 'CBP', category: 'service' },
        },
      ],
    };
  }
  return {
    messaging_product: 'whatsapp',
    metadata,
    contacts: [{ profile: { name: 'Sandbox Customer' }, wa_id: customer }],
    messages: [
      {
        from: customer,
        id: messageId(),
        timestamp: String(input.time),
        type: 'text',
        text: { body: 'Test event from the Switchboard Graph sandbox' },
      },
    ],
  };
}

function fieldValue(input: PayloadInput): Record<string, unknown> {
  const display = digits(input.phone.display_phone_number);
  switch (input.field) {
    case 'messages':
      return messagesValue(input);
    case 'account_update':
      return { phone_number: display, event: 'VERIFIED_ACCOUNT' };
    case 'account_review_update':
      return { decision: 'APPROVED' };
    case 'phone_number_name_update':
      return {
        display_phone_number: display,
        decision: 'APPROVED',
        requested_verified_name: input.phone.verified_name,
        rejection_reason: null,
      };
    case 'phone_number_quality_update':
      return { display_phone_number: display, event: 'FLAGGED', current_limit: 'TIER_10K' };
    case 'message_template_status_update':
      return {
        event: 'APPROVED',
        message_template_id: Number.parseInt(randomBytes(6).toString('hex'), 16),
        message_template_name: 'sandbox_test_template',
        message_template_language: 'en_US',
        reason: 'NONE',
      };
  }
}

export function buildPayload(input: PayloadInput): Record<string, unknown> {
  return {
    object: 'whatsapp_business_account',
    entry: [
      { id: input.waba.id, time: input.time, changes: [{ value: fieldValue(input), field: input.field }] },
    ],
  };
}
