/**
 * Registered On-Premises deployments. The admin password is encrypted before it reaches the database and is
 * decrypted only to log in to the Coreapp; no function here returns it to a caller outside lib/onprem.
 */
import 'server-only';
import { asc, eq } from 'drizzle-orm';
import { type Actor, recordChange } from '@/lib/db/change-log';
import { onpremDeployments } from '@/lib/db/schema';
import { decryptSecret, encryptSecret, isStale, SecretDecryptionError } from '@/lib/receivers/secret-box';
import { type CoreappClient, coreappClient, TokenCache } from './client';
import type { OnpremContext } from './context';
import { CoreappError, describeCoreappError } from './errors';

export interface RegisterDeploymentInput {
  label: string;
  baseUrl: string;
  username: string;
  password: string;
  phoneNumberIds: string[];
}

/** A deployment as pages see it: no password, not even encrypted. */
export interface DeploymentSummary {
  id: string;
  label: string;
  baseUrl: string;
  username: string;
  phoneNumberIds: string[];
  createdBy: string;
  createdAt: string;
}

export type RegisterOutcome =
  | { ok: true; id: string }
  | { ok: false; error: 'duplicate_base_url' }
  | { ok: false; error: 'login_failed'; message: string };

/** Trailing slashes off, so `…/` and `…` are one deployment and paths join cleanly. */
export function normalizeBaseUrl(url: string): string {
  return url.trim().replace(/\/+$/, '');
}

export async function registerDeployment(
  ctx: OnpremContext,
  input: RegisterDeploymentInput,
  actor: Actor,
  /** Log in first, so a wrong address or password is caught before anything is stored. */
  options: { checkLogin?: boolean } = {},
): Promise<RegisterOutcome> {
  const baseUrl = normalizeBaseUrl(input.baseUrl);
  const [existing] = await ctx.db
    .select({ id: onpremDeployments.id })
    .from(onpremDeployments)
    .where(eq(onpremDeployments.baseUrl, baseUrl));
  if (existing) return { ok: false, error: 'duplicate_base_url' };
  if (options.checkLogin ?? true) {
    const probe = coreappClient(
      { id: 'registration', baseUrl, username: input.username, password: input.password },
      { timeoutMs: ctx.timeoutMs, tokenCache: new TokenCache() },
    );
    try {
      await probe.login();
    } catch (error) {
      if (!(error instanceof CoreappError)) throw error;
      return { ok: false, error: 'login_failed', message: describeCoreappError(error) };
    }
  }
  const [row] = await ctx.db
    .insert(onpremDeployments)
    .values({
      label: input.label,
      baseUrl,
      username: input.username,
      passwordEnc: encryptSecret(ctx.keyring, input.password),
      phoneNumberIds: input.phoneNumberIds,
      createdBy: actor.email,
    })
    .onConflictDoNothing()
    .returning({ id: onpremDeployments.id });
  if (!row) return { ok: false, error: 'duplicate_base_url' };
  await recordChange(
    {
      actor,
      action: 'onprem_deployment.register',
      targetType: 'onprem_deployment',
      targetId: row.id,
      requested: {
        label: input.label,
        baseUrl,
        username: input.username,
        phoneNumberIds: input.phoneNumberIds,
      },
      outcome: 'success',
    },
    ctx.db,
  );
  return { ok: true, id: row.id };
}

function summary(row: typeof onpremDeployments.$inferSelect): DeploymentSummary {
  return {
    id: row.id,
    label: row.label,
    baseUrl: row.baseUrl,
    username: row.username,
    phoneNumberIds: row.phoneNumberIds,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
  };
}

export async function listDeployments(ctx: OnpremContext): Promise<DeploymentSummary[]> {
  const rows = await ctx.db.select().from(onpremDeployments).orderBy(asc(onpremDeployments.createdAt));
  return rows.map(summary);
}

/** The deployment and a client logged in with its decrypted password; null when there is no such deployment. */
export async function openDeployment(
  ctx: OnpremContext,
  id: string,
): Promise<{ deployment: DeploymentSummary; client: CoreappClient } | null> {
  const [row] = await ctx.db.select().from(onpremDeployments).where(eq(onpremDeployments.id, id));
  if (!row) return null;
  let password: string;
  try {
    password = decryptSecret(ctx.keyring, row.passwordEnc);
  } catch (error) {
    if (!(error instanceof SecretDecryptionError)) throw error;
    return { deployment: summary(row), client: unusableClient(PASSWORD_UNREADABLE) };
  }
  if (isStale(ctx.keyring, row.passwordEnc)) {
    // Rotated SECRETS_KEY: re-encrypt under the current key as it is read, like receiver secrets.
    await ctx.db
      .update(onpremDeployments)
      .set({ passwordEnc: encryptSecret(ctx.keyring, password) })
      .where(eq(onpremDeployments.id, id));
  }
  const client = coreappClient(
    { id: row.id, baseUrl: row.baseUrl, username: row.username, password },
    { timeoutMs: ctx.timeoutMs, tokenCache: ctx.tokens },
  );
  return { deployment: summary(row), client };
}

export const PASSWORD_UNREADABLE =
  'The stored admin password cannot be decrypted with SECRETS_KEY or SECRETS_KEY_PREVIOUS. Register the deployment again.';

/** Stands in for a client when the password cannot be decrypted: every call fails with that sentence. */
function unusableClient(sentence: string): CoreappClient {
  const fail = () => Promise.reject(new CoreappError('credentials unavailable', null, null, sentence));
  return { login: fail, getApplicationSettings: fail, patchApplicationSettings: fail };
}
