/**
 * `npm run sandbox`: the Graph sandbox as its own process.
 * Flags: --port (or SANDBOX_PORT, default 4010), --host, --fleet 2000x5, --strict-https, --latency 100,
 * --latency-jitter 20, --fault-rate 0.2, --fault-kind http500|code2|code80008, --waba-call-budget N,
 * --trust-ca FILE (PEM trusted for https callbacks' server certificates).
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { FAULT_KINDS, type FaultKind } from './faults';
import { DEFAULT_SANDBOX_PORT, type SandboxOptions, startSandbox } from './server';

function fail(message: string): never {
  console.error(`sandbox: ${message}`);
  process.exit(2);
}

function number(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) fail(`--${name} must be a non-negative number, got "${value}"`);
  return n;
}

function parseFleet(value: string | undefined): SandboxOptions['fleet'] {
  if (value === undefined) return undefined;
  const match = /^(\d+)x(\d+)$/.exec(value);
  if (!match) fail(`--fleet must look like 2000x5 (WABAs x numbers per WABA), got "${value}"`);
  return { wabas: Number(match[1]), numbersPerWaba: Number(match[2]) };
}

function parseFaultKind(value: string | undefined): FaultKind | undefined {
  if (value === undefined) return undefined;
  if (!(FAULT_KINDS as readonly string[]).includes(value))
    fail(`--fault-kind must be one of ${FAULT_KINDS.join(', ')}`);
  return value as FaultKind;
}

const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    host: { type: 'string' },
    fleet: { type: 'string' },
    'strict-https': { type: 'boolean' },
    latency: { type: 'string' },
    'latency-jitter': { type: 'string' },
    'fault-rate': { type: 'string' },
    'fault-kind': { type: 'string' },
    'waba-call-budget': { type: 'string' },
    'trust-ca': { type: 'string' },
  },
});

const faultRate = number('fault-rate', values['fault-rate']);
if (faultRate !== undefined && faultRate > 1) fail('--fault-rate must be between 0 and 1');
const budget = number('waba-call-budget', values['waba-call-budget']);

function readPem(file: string | undefined): string | undefined {
  if (file === undefined) return undefined;
  try {
    const pem = readFileSync(file, 'utf8');
    if (!pem.includes('-----BEGIN CERTIFICATE-----')) fail(`--trust-ca ${file} holds no PEM certificate`);
    return pem;
  } catch (error) {
    fail(`--trust-ca ${file} cannot be read: ${(error as Error).message}`);
  }
}

const sandbox = await startSandbox({
  trustCa: readPem(values['trust-ca']),
  port: number('port', values.port ?? process.env.SANDBOX_PORT) ?? DEFAULT_SANDBOX_PORT,
  host: values.host,
  fleet: parseFleet(values.fleet),
  strictHttps: values['strict-https'] ?? false,
  latencyMs: number('latency', values.latency),
  latencyJitterMs: number('latency-jitter', values['latency-jitter']),
  faultRate,
  faultKind: parseFaultKind(values['fault-kind']),
  wabaCallBudget: budget === undefined ? undefined : Math.max(1, Math.floor(budget)),
});

console.log(`Graph sandbox listening on ${sandbox.url} (fixture: ${sandbox.url}/_sandbox/fixture)`);

const shutdown = () => {
  sandbox.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.once('SIGINT', shutdown);
process.once('SIGTERM', shutdown);
