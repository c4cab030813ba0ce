/**
 * What `npm run demo` prints once the stack is up. The demo's own fixture values only: the echo receiver's
 * verify token is a sandbox fixture value, printed so it can be pasted into an override form.
 */
import type { FixtureIdentities } from '../../lib/graph-sandbox/fixture-identities';

export function demoBanner(input: {
  appUrl: string;
  sandboxUrl: string;
  fixture: Pick<FixtureIdentities, 'apps' | 'receiverUrl' | 'receivers'>;
  users: Record<string, { email: string; password: string }>;
}): string {
  const app = input.fixture.apps[0];
  const echo = input.fixture.receivers.find((r) => r.url === input.fixture.receiverUrl);
  return `
Switchboard is running at ${input.appUrl}
Graph sandbox:            ${input.sandboxUrl}  (acting as app "${app?.name}" ${app?.id})

Demo sign-ins:
${Object.entries(input.users)
  .map(([role, u]) => `  ${role.padEnd(9)} ${u.email.padEnd(28)} ${u.password}`)
  .join('\n')}

A receiver that answers Meta's verification (use it as an override URL in the demo):
  URL:          ${input.fixture.receiverUrl}
  Verify token: ${echo?.verifyToken ?? '(none: see GET /_sandbox/fixture)'}

On-Premises Coreapps to register on /on-premises (base URLs, admin users, passwords, numbers):
  GET ${input.sandboxUrl}/_sandbox/coreapp

Press Ctrl+C to stop.`;
}
