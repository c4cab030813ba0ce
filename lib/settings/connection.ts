/**
 * What the settings page says about the Graph connection: the configuration in use (never a token or secret)
 * and a check of the access token through `GET /debug_token`.
 */
import 'server-only';
import type { Config } from '@/lib/config';
import type { GraphClient } from '@/lib/graph/client';
import { describeGraphError } from '@/lib/graph/describe-error';
import type { GraphFailureView } from '@/lib/routing/types';

export interface ConnectionView {
  graphBaseUrl: string;
  graphVersion: string;
  appId: string;
  businessIds: string[];
  appSecretConfigured: boolean;
  /** Whether the app talks to the bundled sandbox (its control URL is configured). */
  sandboxMode: boolean;
}

export function connectionView(config: Config): ConnectionView {
  return {
    graphBaseUrl: config.GRAPH_API_BASE_URL,
    graphVersion: config.GRAPH_API_VERSION,
    appId: config.META_APP_ID,
    businessIds: config.META_BUSINESS_IDS,
    appSecretConfigured: Boolean(config.META_APP_SECRET),
    sandboxMode: Boolean(config.GRAPH_SANDBOX_CONTROL_URL),
  };
}

/** The scope every routing read and write needs. */
export const REQUIRED_SCOPE = 'whatsapp_business_management';
const EXPIRY_WARNING_DAYS = 7;

export type TokenCheck =
  | {
      kind: 'checked';
      valid: boolean;
      appId: string | null;
      application: string | null;
      type: string | null;
      scopes: string[];
      /** ISO time; null when the token never expires. */
      expiresAt: string | null;
      /** Problems worth acting on, as sentences (empty when all is well). */
      problems: string[];
      /** Whether the check used the app token or, without an app secret, the token itself. */
      checkedWith: 'app_token' | 'token_itself';
    }
  | { kind: 'error'; error: GraphFailureView };

export interface TokenCheckInput {
  graph: GraphClient;
  accessToken: string;
  /** `APP_ID|APP_SECRET`, or null: then the token is asked about itself (Graph allows that). */
  appAccessToken: string | null;
  appId: string;
  now?: Date;
}

export async function checkAccessToken(input: TokenCheckInput): Promise<TokenCheck> {
  const checkedWith = input.appAccessToken ? 'app_token' : 'token_itself';
  let info: Awaited<ReturnType<GraphClient['debugToken']>>;
  try {
    info = await input.graph.debugToken(input.accessToken, input.appAccessToken ?? input.accessToken);
  } catch (error) {
    return {
      kind: 'error',
      error: describeGraphError(error, 'Checking the access token (GET /debug_token)'),
    };
  }
  const now = input.now ?? new Date();
  const expiresAt = info.expires_at ? new Date(info.expires_at * 1000) : null;
  const scopes = info.scopes ?? [];
  const problems: string[] = [];
  if (!info.is_valid) {
    const reason = info.error?.message ? ` (${info.error.message})` : '';
    problems.push(
      `Graph says this access token is not valid${reason}. Every Graph call will fail until an admin issues a new system-user token and sets GRAPH_ACCESS_TOKEN.`,
    );
  } else {
    if (info.app_id && info.app_id !== input.appId) {
      problems.push(
        `The token belongs to app ${info.app_id}, not to META_APP_ID ${input.appId}: overrides would be set for the other app.`,
      );
    }
    if (!scopes.includes(REQUIRED_SCOPE)) {
      problems.push(
        `The token lacks the ${REQUIRED_SCOPE} permission, which every routing read and write needs.`,
      );
    }
    if (expiresAt && expiresAt.getTime() - now.getTime() < EXPIRY_WARNING_DAYS * 86_400_000) {
      problems.push(
        `The token expires on ${expiresAt.toISOString()}. Issue a system-user token that does not expire.`,
      );
    }
  }
  return {
    kind: 'checked',
    valid: info.is_valid,
    appId: info.app_id ?? null,
    application: info.application ?? null,
    type: info.type ?? null,
    scopes,
    expiresAt: expiresAt?.toISOString() ?? null,
    problems,
    checkedWith,
  };
}
