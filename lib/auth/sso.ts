/**
 * Single sign-on through an OpenID Connect provider: who may come in, and which Switchboard user they are.
 * People are linked by `issuer|sub` (stable, unlike emails); a first sign-in creates the user with the
 * configured default role when their email domain is allowed. An existing password user is linked by email
 * only when the provider vouches for the address (`email_verified: true`).
 */
import 'server-only';
import { recordChange } from '@/lib/db/change-log';
import type { Role, User } from '@/lib/db/schema';
import {
  createUser,
  findUserByEmail,
  findUserByExternalId,
  linkExternalId,
  normalizeEmail,
} from '@/lib/db/users';

export interface SsoSettings {
  issuer: string;
  allowedDomains: string[];
  defaultRole: Role;
}

export interface SsoClaims {
  sub: string;
  email?: string | null;
  emailVerified?: boolean | null;
  name?: string | null;
}

/** Codes the sign-in page understands (components/auth/sign-in-errors.ts). */
export type SsoRefusal = 'SsoNoEmail' | 'SsoDomain' | 'SsoUnverified' | 'SsoEmailTaken' | 'AccountDisabled';

export type SsoOutcome = { ok: true; user: User } | { ok: false; code: SsoRefusal };

export function externalIdFor(issuer: string, sub: string): string {
  return `${issuer.replace(/\/+$/, '')}|${sub}`;
}

export function emailDomainAllowed(email: string, allowedDomains: string[]): boolean {
  if (allowedDomains.length === 0) return true;
  const domain = normalizeEmail(email).split('@').at(-1) ?? '';
  return allowedDomains.includes(domain);
}

export async function resolveSsoUser(claims: SsoClaims, settings: SsoSettings): Promise<SsoOutcome> {
  const email = claims.email ? normalizeEmail(claims.email) : null;
  if (!email?.includes('@')) return { ok: false, code: 'SsoNoEmail' };
  if (!emailDomainAllowed(email, settings.allowedDomains)) return { ok: false, code: 'SsoDomain' };

  const externalId = externalIdFor(settings.issuer, claims.sub);
  const linked = await findUserByExternalId(externalId);
  if (linked) return linked.disabled ? { ok: false, code: 'AccountDisabled' } : { ok: true, user: linked };

  if (claims.emailVerified === false) return { ok: false, code: 'SsoUnverified' };
  const existing = await findUserByEmail(email);
  if (existing) {
    if (existing.externalId || claims.emailVerified !== true) return { ok: false, code: 'SsoEmailTaken' };
    if (existing.disabled) return { ok: false, code: 'AccountDisabled' };
    await linkExternalId(existing.id, externalId);
    await recordChange({
      actor: { id: existing.id, email: existing.email },
      action: 'user.link_sso',
      targetType: 'user',
      targetId: existing.id,
      after: { issuer: settings.issuer },
      outcome: 'success',
    });
    return { ok: true, user: { ...existing, externalId } };
  }

  await createUser({ email, name: claims.name ?? null, role: settings.defaultRole, externalId });
  const created = await findUserByExternalId(externalId);
  if (!created) throw new Error('SSO user vanished after creation');
  await recordChange({
    actor: { id: created.id, email: created.email },
    action: 'user.create',
    targetType: 'user',
    targetId: created.id,
    after: { email, name: created.name, role: created.role, via: 'sso' },
    outcome: 'success',
  });
  return { ok: true, user: created };
}
