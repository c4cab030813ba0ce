/**
 * `npm run user:create -- --email ops@example.com --role admin [--name "Ops Lead"] [--password …]`
 *
 * Creates a password user directly in the database — how the first admin of a real deployment is made.
 * The password comes from --password, else SWITCHBOARD_PASSWORD, else an interactive prompt (not echoed).
 * Uses DATABASE_URL, or the embedded database in DATA_DIR (default .data/app): with the embedded database,
 * stop the app first — two processes must not open the same data directory.
 */
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { hashPassword, passwordProblem } from '@/lib/auth/password';
import { recordChange } from '@/lib/db/change-log';
import { openDb } from '@/lib/db/client';
import { ROLES, type Role } from '@/lib/db/schema';
import { createUser, UserError } from '@/lib/db/users';

const USAGE =
  'Usage: npm run user:create -- --email <email> --role <viewer|operator|admin> [--name <name>] [--password <pw>]';

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

/** Reads a line from the terminal without echoing it. */
function askHidden(question: string): Promise<string> {
  if (!process.stdin.isTTY)
    fail('No password given: pass --password, set SWITCHBOARD_PASSWORD, or run in a terminal.');
  return new Promise((resolve) => {
    const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
    const output = rl as unknown as { _writeToOutput: (s: string) => void };
    process.stdout.write(question);
    output._writeToOutput = () => {};
    rl.question('', (answer) => {
      rl.close();
      process.stdout.write('\n');
      resolve(answer);
    });
  });
}

async function readPassword(given: string | undefined): Promise<string> {
  const password = given ?? process.env.SWITCHBOARD_PASSWORD ?? (await askHidden('Password: '));
  const problem = passwordProblem(password);
  if (problem) fail(`Password not accepted: ${problem}`);
  if (given === undefined && process.env.SWITCHBOARD_PASSWORD === undefined) {
    if ((await askHidden('Repeat the password: ')) !== password) fail('The passwords do not match.');
  }
  return password;
}

const { values } = parseArgs({
  options: {
    email: { type: 'string' },
    role: { type: 'string' },
    name: { type: 'string' },
    password: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});

if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const email = values.email?.trim();
if (!email?.includes('@')) fail(`--email is required.\n${USAGE}`);
if (!ROLES.includes(values.role as Role)) fail(`--role must be one of ${ROLES.join(', ')}.\n${USAGE}`);
const role = values.role as Role;
const password = await readPassword(values.password);

const handle = await openDb({
  databaseUrl: process.env.DATABASE_URL,
  dataDir: process.env.DATA_DIR ?? '.data/app',
});
try {
  const user = await createUser(
    { email, name: values.name, role, passwordHash: await hashPassword(password) },
    handle.db,
  );
  await recordChange(
    {
      actor: { id: null, email: 'system (user:create)' },
      action: 'user.create',
      targetType: 'user',
      targetId: user.id,
      after: { email: user.email, name: user.name, role: user.role, via: 'command line' },
      outcome: 'success',
    },
    handle.db,
  );
  console.log(`Created ${user.role} ${user.email}. They can sign in now.`);
} catch (error) {
  if (error instanceof UserError) fail(error.message);
  throw error;
} finally {
  await handle.close();
}
