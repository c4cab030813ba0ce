/**
 * The one database schema, for PGlite and PostgreSQL alike. Migrations in ./migrations are generated from it
 * with `npm run db:generate` and committed; they are applied at start (lib/db/client.ts).
 */
import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

export const ROLES = ['viewer', 'operator', 'admin'] as const;
export const roleEnum = pgEnum('role', ROLES);
export type Role = (typeof ROLES)[number];

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull(),
    name: text('name'),
    role: roleEnum('role').notNull().default('viewer'),
    /** bcrypt hash; null for users who only sign in through single sign-on. */
    passwordHash: text('password_hash'),
    /** `issuer|subject` of the OpenID Connect identity, when linked. */
    externalId: text('external_id'),
    disabled: boolean('disabled').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('users_email_key').on(sql`lower(${t.email})`), uniqueIndex('users_external_id_key').on(t.externalId)],
);
export type User = typeof users.$inferSelect;

export const CHANGE_OUTCOMES = ['success', 'mismatch', 'failure', 'refused'] as const;
export type ChangeOutcome = (typeof CHANGE_OUTCOMES)[number];

/** Append-only: the app inserts rows and never updates or deletes them. */
export const changeLog = pgTable(
  'change_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorId: uuid('actor_id').references(() => users.id),
    actorEmail: text('actor_email').notNull(),
    /** e.g. `phone_override.set`, `waba.subscribe` (see lib/auth/permissions.ts). */
    action: text('action').notNull(),
    targetType: text('target_type').notNull(),
    targetId: text('target_id').notNull(),
    before: jsonb('before'),
    /** What was asked for; verify tokens appear masked only. */
    requested: jsonb('requested'),
    /** What Graph reported when read back after the write. */
    after: jsonb('after'),
    outcome: text('outcome', { enum: CHANGE_OUTCOMES }).notNull(),
    errorCode: integer('error_code'),
    fbtraceId: text('fbtrace_id'),
    message: text('message'),
  },
  (t) => [
    index('change_log_target_idx').on(t.targetType, t.targetId, t.at),
    index('change_log_at_idx').on(t.at),
    index('change_log_actor_idx').on(t.actorEmail, t.at),
  ],
);
export type ChangeLogRow = typeof changeLog.$inferSelect;

/** Outcome of every callback verification Switchboard performed (preflight or Test callback). */
export const callbackChecks = pgTable(
  'callback_checks',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    url: text('url').notNull(),
    ok: boolean('ok').notNull(),
    httpStatus: integer('http_status'),
    durationMs: integer('duration_ms').notNull(),
    /** Machine-readable reason, e.g. `challenge_mismatch`, `timeout`, `http_status`. */
    reason: text('reason'),
    checkedBy: text('checked_by'),
  },
  (t) => [index('callback_checks_url_idx').on(t.url, t.at)],
);

/** Sign-in attempts, shared by every instance so rate limits hold behind a load balancer. */
export const signInAttempts = pgTable(
  'sign_in_attempts',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    key: text('key').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    succeeded: boolean('succeeded').notNull(),
  },
  (t) => [index('sign_in_attempts_key_idx').on(t.key, t.at)],
);

/**
 * Managed webhook receivers (`/api/hooks/<id>`). The verify token and app secrets are AES-256-GCM ciphertexts
 * (lib/receivers/secret-box.ts); a rotated-out app secret keeps verifying until `previous_secret_valid_until`.
 */
export const receivers = pgTable('receivers', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  verifyTokenEnc: text('verify_token_enc').notNull(),
  appSecretEnc: text('app_secret_enc').notNull(),
  previousAppSecretEnc: text('previous_app_secret_enc'),
  previousSecretValidUntil: timestamp('previous_secret_valid_until', { withTimezone: true }),
  createdBy: text('created_by').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  secretRotatedAt: timestamp('secret_rotated_at', { withTimezone: true }),
});
export type ReceiverRow = typeof receivers.$inferSelect;

export const DELIVERY_OUTCOMES = ['stored', 'duplicate', 'rejected'] as const;
export type DeliveryOutcome = (typeof DELIVERY_OUTCOMES)[number];

/**
 * Every POST a receiver answered: stored (new events, body kept), duplicate (every event seen before; headers
 * only) or rejected (bad signature or too large; headers only). Ids are made by the writer so a batch can
 * link events to deliveries in one round trip; `seq` orders them.
 */
export const receiverDeliveries = pgTable(
  'receiver_deliveries',
  {
    id: uuid('id').primaryKey(),
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    receiverId: uuid('receiver_id')
      .notNull()
      .references(() => receivers.id, { onDelete: 'cascade' }),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    outcome: text('outcome', { enum: DELIVERY_OUTCOMES }).notNull(),
    /** `bad_signature`, `missing_signature` or `too_large` when rejected. */
    rejectReason: text('reject_reason'),
    /** Which app secret verified the signature: `current` or `previous` (during a rotation grace period). */
    signatureKey: text('signature_key'),
    headers: jsonb('headers').$type<Record<string, string>>().notNull(),
    body: text('body'),
    /** `utf8`, or `base64` for bodies that are not valid UTF-8 text. */
    bodyEncoding: text('body_encoding'),
    bodyBytes: integer('body_bytes').notNull(),
    fields: text('fields').array().notNull().default(sql`'{}'::text[]`),
    phoneNumberIds: text('phone_number_ids').array().notNull().default(sql`'{}'::text[]`),
    wabaIds: text('waba_ids').array().notNull().default(sql`'{}'::text[]`),
    eventCount: integer('event_count').notNull().default(0),
    newEventCount: integer('new_event_count').notNull().default(0),
    /** The tier that routed it, when the sender said so (the Graph sandbox does; Meta does not). */
    routedTier: text('routed_tier'),
  },
  (t) => [
    uniqueIndex('receiver_deliveries_seq_key').on(t.seq),
    index('receiver_deliveries_receiver_idx').on(t.receiverId, t.seq),
  ],
);
export type ReceiverDeliveryRow = typeof receiverDeliveries.$inferSelect;

/** One row per distinct event a receiver stored; the primary key is the dedupe (reference §7). */
export const receiverEvents = pgTable(
  'receiver_events',
  {
    receiverId: uuid('receiver_id')
      .notNull()
      .references(() => receivers.id, { onDelete: 'cascade' }),
    eventKey: text('event_key').notNull(),
    deliveryId: uuid('delivery_id').notNull(),
    field: text('field').notNull(),
    phoneNumberId: text('phone_number_id'),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.receiverId, t.eventKey] }),
    index('receiver_events_phone_idx').on(t.phoneNumberId, t.receivedAt),
  ],
);
