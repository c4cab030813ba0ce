import { randomBytes } from 'node:crypto';
import { type CoreappDeployment, coreappFixture } from './fixture';

/** Coreapp tokens last 7 days, as Meta's do. */
export const TOKEN_LIFETIME_MS = 7 * 24 * 3_600_000;

interface Session {
  deploymentId: string;
  expiresAt: number;
}

/** The Coreapps' state: settings per deployment and issued bearer tokens. In memory, reset from the fixture. */
export class CoreappState {
  private deployments = new Map<string, CoreappDeployment>();
  private sessions = new Map<string, Session>();

  constructor() {
    this.reset();
  }

  reset(): void {
    this.deployments = new Map(coreappFixture().map((d) => [d.id, d]));
    this.sessions.clear();
  }

  get(id: string): CoreappDeployment | undefined {
    return this.deployments.get(id);
  }

  list(): CoreappDeployment[] {
    return [...this.deployments.values()];
  }

  issueToken(deploymentId: string, now = Date.now()): { token: string; expiresAt: Date } {
    const token = `sbx-coreapp-${randomBytes(18).toString('base64url')}`;
    const expiresAt = now + TOKEN_LIFETIME_MS;
    this.sessions.set(token, { deploymentId, expiresAt });
    return { token, expiresAt: new Date(expiresAt) };
  }

  /** True when the token was issued by this deployment and has not expired. */
  tokenValid(deploymentId: string, token: string, now = Date.now()): boolean {
    const session = this.sessions.get(token);
    return session !== undefined && session.deploymentId === deploymentId && session.expiresAt > now;
  }

  /** Control surface: every issued token expires now, so clients must log in again. */
  expireTokens(): number {
    for (const session of this.sessions.values()) session.expiresAt = 0;
    return this.sessions.size;
  }
}
