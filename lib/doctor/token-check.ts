import 'server-only';
import { checkAccessToken } from '@/lib/settings/connection';
import type { DoctorContext } from './context';
import type { DoctorCheck } from './types';

/** `token`: valid, has whatsapp_business_management, not expiring within 7 days (/debug_token). */
export async function tokenCheck(ctx: DoctorContext): Promise<DoctorCheck> {
  const at = new Date().toISOString();
  const result = await checkAccessToken({
    graph: ctx.graph,
    accessToken: ctx.accessToken,
    appAccessToken: ctx.appAccessToken,
    appId: ctx.appId,
  });
  if (result.kind === 'error') {
    return {
      id: 'token',
      status: 'fail',
      title: 'Graph refused to check the access token.',
      detail: `GET /debug_token at ${at}: ${result.error.message}`,
    };
  }
  const evidence = `GET /debug_token at ${at}: is_valid ${result.valid}, app ${result.appId ?? 'unknown'}, scopes ${
    result.scopes.join(', ') || 'none'
  }, expires ${result.expiresAt ?? 'never'}.`;
  if (!result.valid || result.problems.some((p) => !p.startsWith('The token expires'))) {
    return {
      id: 'token',
      status: 'fail',
      title: 'The access token cannot read or change routing.',
      detail: `${result.problems.join(' ')} ${evidence}`,
    };
  }
  if (result.problems.length > 0) {
    return {
      id: 'token',
      status: 'warn',
      title: 'The access token expires within 7 days.',
      detail: `${result.problems.join(' ')} ${evidence}`,
    };
  }
  return {
    id: 'token',
    status: 'pass',
    title: 'The access token is valid and has the permission routing needs.',
    detail: evidence,
  };
}
