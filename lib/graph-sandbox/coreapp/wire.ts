/**
 * The Coreapp's wire format: every answer carries `meta` (On-Premises API calls say `api_status: deprecated`
 * since the sunset was announced) and errors come as `{"errors":[{code,title,details,href}]}`.
 */
export const COREAPP_VERSION = 'v2.53.2';
export const ERRORS_HREF = 'https://developers.facebook.com/docs/whatsapp/on-premises/errors';

export const meta = () => ({ api_status: 'deprecated', version: COREAPP_VERSION });

/** Codes of the On-Premises API error reference. */
export const COREAPP_ERRORS = {
  accessDenied: { code: 1005, title: 'Access denied' },
  notFound: { code: 1006, title: 'Resource not found' },
  missing: { code: 1008, title: 'Required parameter is missing' },
  invalid: { code: 1009, title: 'Parameter value is not valid' },
} as const;

export type CoreappErrorKind = keyof typeof COREAPP_ERRORS;

export function errorBody(kind: CoreappErrorKind, details: string) {
  return { meta: meta(), errors: [{ ...COREAPP_ERRORS[kind], details, href: ERRORS_HREF }] };
}

/** `2025-10-30 12:00:00+00:00`, the Coreapp's `expires_after` format. */
export function coreappTime(date: Date): string {
  return `${date.toISOString().slice(0, 19).replace('T', ' ')}+00:00`;
}
