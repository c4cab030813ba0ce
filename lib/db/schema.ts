/**
 * The one database schema, for PGlite and PostgreSQL alike. Migrations in ./migrations are generated from it
 * with `npm run db:generate` and committed; they are applied at start (lib/db/client.ts).
 */
import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  doublePrecision,
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
// Type-only: the shapes the jsonb columns hold, so rows come back typed instead of cast at every read.
import type { AuditFilter } from '@/lib/audit/filter';
import type { AuditScanAppStats, BulkItemView, RouteState } from '@/lib/audit/types';
import type { GraphFailureView, PreflightResult } from '@/lib/routing/types';
// Relative, not '@/': drizzle-kit loads this file without the tsconfig paths.
import { OWNERSHIPS, TIERS } from '../graph/schemas';

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
    /**
     * Copied into each session token at sign-in; a token with another number is no session. Bumped on
     * sign-out and when the user is disabled, so a copied cookie stops working then, not when it expires.
     */
    sessionVersion: integer('session_version').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('users_email_key').on(sql`lower(${t.email})`),
    uniqueIndex('users_external_id_key').on(t.externalId),
  ],
);
export type User = typeof users.$inferSelect;

/** `unverified`: Graph accepted the write and the read-back failed, so it is most likely applied. */
export const CHANGE_OUTCOMES = ['success', 'mismatch', 'unverified', 'failure', 'refused'] as const;
export type ChangeOutcome = (typeof CHANGE_OUTCOMES)[number];
/** What a change-log row is about; `/activity` filters by it and links each to its page. */
export const CHANGE_TARGET_TYPES = [
  'waba',
  'phone_number',
  'application',
  'user',
  'receiver',
  'onprem_deployment',
  'meta_app',
] as const;
export type ChangeTargetType = (typeof CHANGE_TARGET_TYPES)[number];

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
    /** One of CHANGE_TARGET_TYPES when the app writes it (left plain text: rows are never rewritten). */
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
    /** The bulk job (bulk_jobs.id) that made this change, so /activity groups a job's rows; null otherwise. */
    jobId: uuid('job_id'),
    /** The Meta app whose route the change was for (routing writes); null on rows older than per-app routing. */
    appId: text('app_id'),
  },
  (t) => [
    index('change_log_target_idx').on(t.targetType, t.targetId, t.at),
    index('change_log_at_idx').on(t.at),
    index('change_log_actor_idx').on(t.actorEmail, t.at),
    index('change_log_job_idx').on(t.jobId),
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
  /**
   * Every rejected POST ever answered. Anyone who knows the URL can send them, so only the latest ones are
   * kept as rows (lib/receivers/store-deliveries.ts); this is the count.
   */
  rejectedTotal: integer('rejected_total').notNull().default(0),
  /** Refuse (403, recorded) deliveries without a valid client certificate: Meta's CN, chained to MTLS_CA_FILE. */
  requireMtls: boolean('require_mtls').notNull().default(false),
});
export type ReceiverRow = typeof receivers.$inferSelect;

/**
 * Meta apps an admin added in Settings, next to those of the environment (lib/apps). The system-user token and
 * the app secret are AES-256-GCM ciphertexts (lib/receivers/secret-box.ts): written once, never shown again.
 */
export const metaApps = pgTable('meta_apps', {
  appId: text('app_id').primaryKey(),
  label: text('label').notNull(),
  accessTokenEnc: text('access_token_enc').notNull(),
  appSecretEnc: text('app_secret_enc'),
  createdBy: text('created_by').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
export type MetaAppRow = typeof metaApps.$inferSelect;

export const DELIVERY_OUTCOMES = ['stored', 'duplicate', 'rejected'] as const;
export const CLIENT_CERT_STATES = ['valid', 'invalid', 'absent'] as const;
export type ClientCertState = (typeof CLIENT_CERT_STATES)[number];
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
    /** Whether a valid client certificate came (lib/receivers/client-cert.ts); null before this was recorded. */
    clientCert: text('client_cert', { enum: CLIENT_CERT_STATES }),
  },
  (t) => [
    uniqueIndex('receiver_deliveries_seq_key').on(t.seq),
    index('receiver_deliveries_receiver_idx').on(t.receiverId, t.seq),
    // Keeping only the latest rejections (lib/receivers/store-deliveries.ts) reads the newest rejected rows of
    // a receiver on every batch with a rejection: without this it walks the stored rows in between.
    index('receiver_deliveries_rejected_idx').on(t.receiverId, t.seq).where(sql`${t.outcome} = 'rejected'`),
  ],
);
export type ReceiverDeliveryRow = typeof receiverDeliveries.$inferSelect;

/** One row per distinct event a receiver stored; the primary key is the dedupe (docs/graph-facts.md §7). */
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

// ── Fleet audit (lib/audit) ──────────────────────────────────────────────────────────────────────────────

export const AUDIT_SCAN_STATUSES = ['running', 'completed', 'failed', 'interrupted'] as const;
export type AuditScanStatus = (typeof AUDIT_SCAN_STATUSES)[number];

/**
 * One fleet audit scan. The row is the job: progress is written while it runs, so any instance can report it;
 * a `running` scan whose heartbeat stopped died with its process and is shown as interrupted.
 */
export const auditScans = pgTable(
  'audit_scans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    status: text('status', { enum: AUDIT_SCAN_STATUSES }).notNull().default('running'),
    /** The app whose view of the tiers was read; drift only compares scans of the same app. */
    appId: text('app_id').notNull(),
    startedBy: text('started_by').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    heartbeatAt: timestamp('heartbeat_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    wabasTotal: integer('wabas_total'),
    wabasScanned: integer('wabas_scanned').notNull().default(0),
    /** An estimate until every WABA page is listed (`numbers_total_exact`). */
    numbersTotal: integer('numbers_total'),
    numbersTotalExact: boolean('numbers_total_exact').notNull().default(false),
    numbersScanned: integer('numbers_scanned').notNull().default(0),
    /** HTTP requests to Graph; a batch counts once here and its operations in `batch_operations`. */
    graphCalls: integer('graph_calls').notNull().default(0),
    batchOperations: integer('batch_operations').notNull().default(0),
    backoffs: integer('backoffs').notNull().default(0),
    throttledMs: integer('throttled_ms').notNull().default(0),
    changedCount: integer('changed_count'),
    driftCount: integer('drift_count'),
    /** Listings or WABAs that could not be read; the rest of the fleet still is. */
    errors: jsonb('errors').$type<GraphFailureView[]>().notNull().default([]),
    /**
     * One entry per app the scan read (every configured app, the default first): its own Graph calls, wall
     * time and numbers. Empty for scans from before several apps were scanned.
     */
    apps: jsonb('apps').$type<AuditScanAppStats[]>().notNull().default([]),
  },
  (t) => [index('audit_scans_started_idx').on(t.startedAt)],
);
export type AuditScanRow = typeof auditScans.$inferSelect;

/** One row per number per scan: where its `messages` webhooks went for this app at that time. */
export const routeSnapshots = pgTable(
  'route_snapshots',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    scanId: uuid('scan_id')
      .notNull()
      .references(() => auditScans.id, { onDelete: 'cascade' }),
    /**
     * The app whose view of the tiers this row is (a scan has one row per number and configured app) and its
     * label at scan time. Null on rows from before several apps were scanned: those are the scan's `app_id`.
     */
    appId: text('app_id'),
    appLabel: text('app_label'),
    /** When Graph reported this number's page. */
    at: timestamp('at', { withTimezone: true }).notNull(),
    phoneNumberId: text('phone_number_id').notNull(),
    wabaId: text('waba_id').notNull(),
    wabaName: text('waba_name'),
    businessId: text('business_id').notNull(),
    ownership: text('ownership', { enum: OWNERSHIPS }).notNull(),
    displayPhoneNumber: text('display_phone_number'),
    verifiedName: text('verified_name'),
    phoneTier: text('phone_tier'),
    wabaTier: text('waba_tier'),
    appTier: text('app_tier'),
    /** `phone_number`, `whatsapp_business_account`, `application`, or null: nothing is delivered. */
    winner: text('winner', { enum: TIERS }),
    effectiveUrl: text('effective_url'),
    subscribed: boolean('subscribed').notNull(),
    /** The route differs from this number's previous snapshot (set when the scan completes). */
    changed: boolean('changed').notNull().default(false),
    /** Changed with no Switchboard change to the number or its WABA in between: changed outside Switchboard. */
    drift: boolean('drift').notNull().default(false),
    /** The previous snapshot's route, on changed rows only. */
    previous: jsonb('previous').$type<RouteState>(),
    /**
     * The routing doctor's verdict when the scan ran (lib/doctor's Verdict), or null when the scan did not check
     * delivery; `first_problem` is the check id that failed (or warned) first.
     */
    verdict: text('verdict', { enum: ['delivers', 'at_risk', 'does_not_deliver'] }),
    firstProblem: text('first_problem'),
  },
  (t) => [
    uniqueIndex('route_snapshots_scan_app_number_key').on(t.scanId, t.appId, t.phoneNumberId),
    index('route_snapshots_scan_verdict_idx').on(t.scanId, t.verdict, t.firstProblem),
    index('route_snapshots_number_idx').on(t.phoneNumberId, t.at),
    // The audit table's sorts (lib/audit/queries.ts orderOf, the id last): a block of 200 rows is read in index
    // order and stops there, instead of sorting the whole scan (50,000 rows) for every block and re-sort. The
    // URL one also serves the URL filter and groups (scan, URL), so no separate index for those.
    index('route_snapshots_sort_number_idx').on(t.scanId, t.displayPhoneNumber, t.id),
    index('route_snapshots_sort_waba_idx').on(t.scanId, t.wabaName, t.wabaId, t.displayPhoneNumber, t.id),
    index('route_snapshots_sort_winner_idx').on(t.scanId, t.winner, t.displayPhoneNumber, t.id),
    index('route_snapshots_sort_url_idx').on(t.scanId, t.effectiveUrl, t.displayPhoneNumber, t.id),
  ],
);
export type RouteSnapshotRow = typeof routeSnapshots.$inferSelect;

/** What a bulk job does to every selected number. */
export const BULK_ACTIONS = ['phone_override.set', 'phone_override.clear'] as const;
export type BulkAction = (typeof BULK_ACTIONS)[number];
export const BULK_JOB_STATUSES = ['running', 'completed', 'interrupted'] as const;
export type BulkJobStatus = (typeof BULK_JOB_STATUSES)[number];
export const BULK_ITEM_STATUSES = ['pending', 'running', 'applied', 'failed'] as const;
export type BulkItemStatus = (typeof BULK_ITEM_STATUSES)[number];

/** A bulk re-routing job from an audit selection: set or clear the phone override of many numbers. */
export const bulkJobs = pgTable(
  'bulk_jobs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    action: text('action', { enum: BULK_ACTIONS }).notNull(),
    overrideCallbackUri: text('override_callback_uri'),
    /** Masked. The verify token itself lives only in the memory of the process running the job. */
    verifyTokenMasked: text('verify_token_masked'),
    /** The audit filter the numbers were selected with, and the scan it was applied to. */
    selection: jsonb('selection').$type<AuditFilter>().notNull(),
    scanId: uuid('scan_id'),
    status: text('status', { enum: BULK_JOB_STATUSES }).notNull().default('running'),
    total: integer('total').notNull(),
    createdBy: text('created_by').notNull(),
    createdById: uuid('created_by_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    heartbeatAt: timestamp('heartbeat_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    /** The one callback check run for the whole job, for sets. */
    preflight: jsonb('preflight').$type<PreflightResult>(),
    backoffs: integer('backoffs').notNull().default(0),
    /** The Meta app whose phone overrides the job changes (its token writes); null on jobs older than per-app bulk. */
    appId: text('app_id'),
    /**
     * Whether the items' `expected` came from a scan of this same app, so each write checks it (stale check).
     * A scan of another app does not show this app's phone overrides: those jobs read the current one live only.
     */
    snapshotCoversApp: boolean('snapshot_covers_app').notNull().default(true),
  },
  (t) => [index('bulk_jobs_created_idx').on(t.createdAt)],
);
export type BulkJobRow = typeof bulkJobs.$inferSelect;

export const bulkJobItems = pgTable(
  'bulk_job_items',
  {
    jobId: uuid('job_id')
      .notNull()
      .references(() => bulkJobs.id, { onDelete: 'cascade' }),
    phoneNumberId: text('phone_number_id').notNull(),
    wabaId: text('waba_id').notNull(),
    wabaName: text('waba_name'),
    businessId: text('business_id').notNull(),
    ownership: text('ownership', { enum: OWNERSHIPS }).notNull(),
    displayPhoneNumber: text('display_phone_number'),
    /** The phone override the selection saw: the write's stale check. */
    expected: text('expected'),
    status: text('status', { enum: BULK_ITEM_STATUSES }).notNull().default('pending'),
    /** WriteOutcome kind of the last attempt. */
    outcome: text('outcome'),
    message: text('message'),
    /** What Graph reported after the write: `{phoneTier, winner, effectiveUrl, subscribed}`. */
    readBack: jsonb('read_back').$type<NonNullable<BulkItemView['readBack']>>(),
    attempts: integer('attempts').notNull().default(0),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.jobId, t.phoneNumberId] }),
    index('bulk_job_items_status_idx').on(t.jobId, t.status),
  ],
);
export type BulkJobItemRow = typeof bulkJobItems.$inferSelect;

// ── Graph usage (lib/graph-usage) ────────────────────────────────────────────────────────────────────────

export const GRAPH_USAGE_SCOPES = ['app', 'business_use_case'] as const;
export type GraphUsageScope = (typeof GRAPH_USAGE_SCOPES)[number];

/**
 * The latest rate-limit usage Graph reported, one row per scope: `X-App-Usage` (scope `app`) and each entry of
 * `X-Business-Use-Case-Usage` (scope `business_use_case`, per business object and use-case type). Shared by every
 * instance on the database, so the figures are the deployment's, not one process's. Rows are overwritten only
 * by a newer report (`received_at`).
 */
export const graphUsage = pgTable(
  'graph_usage',
  {
    appId: text('app_id').notNull(),
    scope: text('scope', { enum: GRAPH_USAGE_SCOPES }).notNull(),
    /** The business object id (usually a WABA id); '' for the app scope. */
    objectId: text('object_id').notNull().default(''),
    /** The use-case type, e.g. `whatsapp_business_management`; '' for the app scope or when Graph omits it. */
    useCaseType: text('use_case_type').notNull().default(''),
    callCount: doublePrecision('call_count').notNull(),
    totalCputime: doublePrecision('total_cputime').notNull(),
    totalTime: doublePrecision('total_time').notNull(),
    /** `estimated_time_to_regain_access` in minutes, when Graph gave one. */
    regainAccessMinutes: doublePrecision('regain_access_minutes'),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.appId, t.scope, t.objectId, t.useCaseType] }),
    index('graph_usage_received_idx').on(t.appId, t.receivedAt),
  ],
);
export type GraphUsageRow = typeof graphUsage.$inferSelect;

/**
 * Counters every instance on the database sees, bumped when something process-local must be dropped
 * everywhere: `fleet` is bumped after each routing write so every instance's fleet cache starts afresh.
 */
export const sharedGenerations = pgTable('shared_generations', {
  name: text('name').primaryKey(),
  generation: bigint('generation', { mode: 'number' }).notNull().default(0),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * On-Premises API deployments (legacy Coreapps, sunset 23 Oct 2025) an admin registered, so their webhook
 * settings can be read and carried over to the Cloud API. The admin password is an AES-256-GCM ciphertext
 * (lib/receivers/secret-box.ts) and never leaves the server.
 */
export const onpremDeployments = pgTable(
  'onprem_deployments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    label: text('label').notNull(),
    /** The Coreapp's origin and path prefix, without a trailing slash (`https://coreapp.internal:9090`). */
    baseUrl: text('base_url').notNull(),
    username: text('username').notNull(),
    passwordEnc: text('password_enc').notNull(),
    /** Graph phone number ids the deployment served (Graph does not link a number to its old Coreapp). */
    phoneNumberIds: jsonb('phone_number_ids').$type<string[]>().notNull().default([]),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('onprem_deployments_base_url_key').on(t.baseUrl)],
);
export type OnpremDeploymentRow = typeof onpremDeployments.$inferSelect;
