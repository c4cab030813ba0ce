/**
 * Every secret the e2e run knows, so the global teardown can check that none reached the app's log. Global
 * setup notes the deployment's and the sandbox fixture's; specs note the ones they type (verify tokens, app
 * secrets). The list is a JSON-lines file in the run's temporary directory, shared with the spec workers.
 */
import { appendFileSync, readFileSync } from 'node:fs';
import type { KnownSecret } from '../../lib/testing/leaks';

/** Secrets the specs type as literals; noted here too so a spec that forgets to note one is still covered. */
export const FIXED_TEST_SECRETS: readonly KnownSecret[] = [
  { label: 'e2e receiver verify token', value: 'e2e-verify-token' },
  { label: 'receivers.spec verify token', value: 'e2e verify+token' },
  { label: 'receivers.spec first app secret', value: 'first-app-secret' },
  { label: 'receivers.spec second app secret', value: 'second-app-secret' },
];

export function noteSecret(label: string, value: string): void {
  const file = process.env.E2E_SECRETS_FILE;
  if (file) appendFileSync(file, `${JSON.stringify({ label, value })}\n`);
}

export function notedSecrets(file: string): KnownSecret[] {
  let text = '';
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return [...FIXED_TEST_SECRETS];
  }
  const noted = text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as KnownSecret);
  return [...FIXED_TEST_SECRETS, ...noted];
}
