/**
 * View models of receivers and their deliveries, shared by services, route handlers and client components.
 * No `server-only` and no secrets: verify tokens appear masked, app secrets never.
 */
import { z } from 'zod';
import type { Tier } from '@/lib/graph/schemas';
import { textProblem } from '@/lib/text/text-problem';

export type DeliveryOutcome = 'stored' | 'duplicate' | 'rejected';

export interface ReceiverSummary {
  id: string;
  name: string;
  url: string;
  verifyTokenMasked: string;
  createdAt: string;
  createdBy: string;
  secretRotatedAt: string | null;
  /** Set while a rotated-out secret still verifies. */
  previousSecretValidUntil: string | null;
  /** Refuses deliveries without a valid client certificate (mTLS). */
  requireMtls: boolean;
  /** Stored and duplicate: rows within the retention period; rejected: every rejection ever answered. */
  counts: Record<DeliveryOutcome, number>;
  /** How many of the rejected requests are kept as rows (the latest, at most REJECTED_SAMPLE). */
  rejectedKept: number;
  lastDeliveryAt: string | null;
}

export interface DeliveryListItem {
  id: string;
  seq: number;
  receivedAt: string;
  outcome: DeliveryOutcome;
  rejectReason: 'bad_signature' | 'missing_signature' | 'too_large' | 'client_certificate' | null;
  /** Which app secret verified it; null when the signature was not valid or not checked. */
  signatureKey: 'current' | 'previous' | null;
  fields: string[];
  phoneNumberIds: string[];
  wabaIds: string[];
  eventCount: number;
  newEventCount: number;
  bodyBytes: number;
  routedTier: Tier | null;
  /** Whether a valid client certificate (mTLS) came; null for deliveries recorded before this was kept. */
  clientCert: 'valid' | 'invalid' | 'absent' | null;
}

export interface DeliveryDetail extends DeliveryListItem {
  headers: Record<string, string>;
  /** The stored body as text (base64 when it was not UTF-8); null for duplicates and rejections. */
  body: string | null;
  bodyEncoding: 'utf8' | 'base64' | null;
}

export interface DeliveryPage {
  items: DeliveryListItem[];
  /** Pass as `before` to get the next (older) page; null at the end. */
  nextBefore: number | null;
}

/** The latest delivery any managed receiver stored for a phone number (live mode on a number's page). */
export interface LatestNumberDelivery {
  receiverId: string;
  receiverName: string;
  deliveryId: string;
  receivedAt: string;
  field: string;
  routedTier: Tier | null;
}

/** PostgreSQL refuses U+0000 in text, and no stored id or field holds a control or broken character. */
const optionalText = z
  .string()
  .trim()
  .max(200)
  .superRefine((v, ctx) => {
    const problem = textProblem(v, 'filter');
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  })
  .optional()
  .transform((v) => (v ? v : undefined));
const optionalDate = z
  .string()
  .optional()
  .transform((v, ctx) => {
    if (!v) return undefined;
    const date = new Date(v);
    if (Number.isNaN(date.getTime())) {
      ctx.addIssue({ code: 'custom', message: 'must be a date and time' });
      return z.NEVER;
    }
    return date;
  });

/** Inspector filters, parsed from the query string (all optional). */
export const deliveryFiltersSchema = z.object({
  phoneNumberId: optionalText,
  field: optionalText,
  signature: z.enum(['valid', 'invalid']).optional().catch(undefined),
  outcome: z.enum(['stored', 'duplicate', 'rejected']).optional().catch(undefined),
  since: optionalDate,
  until: optionalDate,
  before: z.coerce.number().int().positive().optional().catch(undefined),
  limit: z.coerce.number().int().min(1).max(200).default(50).catch(50),
});
export type DeliveryFilters = z.output<typeof deliveryFiltersSchema>;
