import { OVERRIDE_URL_MAX_LENGTH } from '@/lib/graph/schemas';
import { invalidParameter as graphInvalidParameter } from './errors';

/** The Cloud API repeats the reason of a webhook parameter error in `error_data.details`. */
const invalidParameter = (message: string) => graphInvalidParameter(message, message);

export interface UrlRuleOptions {
  /** Refuse loopback `http://` too, exactly as Meta would. */
  strictHttps: boolean;
  /** Override URLs are limited to 200 characters; the app callback is not. */
  maxLength?: number;
}

export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '');
  return (
    host === 'localhost' || host.endsWith('.localhost') || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host)
  );
}

/**
 * The URL checks Meta applies before it even tries the verification GET: length, a parseable
 * absolute URL, HTTPS (loopback `http://` allowed unless strict, so local receivers can be used).
 */
export function checkCallbackUrl(param: string, value: unknown, options: UrlRuleOptions): string {
  if (typeof value !== 'string' || value === '') throw invalidParameter(`The parameter ${param} is required`);
  const maxLength = options.maxLength;
  if (maxLength !== undefined && value.length > maxLength) {
    throw invalidParameter(`Param ${param} must be at most ${maxLength} characters long`);
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw invalidParameter(`Param ${param} is not a valid URL`);
  }
  const loopbackHttp = url.protocol === 'http:' && isLoopbackHost(url.hostname) && !options.strictHttps;
  if (url.protocol !== 'https:' && !loopbackHttp) {
    throw invalidParameter(`Param ${param} must be a valid HTTPS URL`);
  }
  return value;
}

export const checkOverrideUrl = (param: string, value: unknown, strictHttps: boolean) =>
  checkCallbackUrl(param, value, { strictHttps, maxLength: OVERRIDE_URL_MAX_LENGTH });

export function checkVerifyToken(value: unknown): string {
  if (typeof value !== 'string' || value === '')
    throw invalidParameter('The parameter verify_token is required');
  return value;
}
