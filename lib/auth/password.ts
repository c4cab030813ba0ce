/**
 * Password hashing with bcrypt (bcryptjs: pure JS, maintained, no native build). Cost 12 keeps a guess at
 * roughly a quarter second on a server core.
 */
import 'server-only';
import bcrypt from 'bcryptjs';

const COST = 12;
export const PASSWORD_MIN_LENGTH = 12;
/** bcrypt ignores everything after 72 bytes; refuse rather than silently truncate. */
export const PASSWORD_MAX_BYTES = 72;

/** A reason the password cannot be used, or null when it can. */
export function passwordProblem(password: string): string | null {
  if (password.length < PASSWORD_MIN_LENGTH) {
    return `Use at least ${PASSWORD_MIN_LENGTH} characters.`;
  }
  if (Buffer.byteLength(password, 'utf8') > PASSWORD_MAX_BYTES) {
    return `Use at most ${PASSWORD_MAX_BYTES} bytes (bcrypt ignores the rest).`;
  }
  return null;
}

export async function hashPassword(password: string): Promise<string> {
  const problem = passwordProblem(password);
  if (problem) throw new Error(problem);
  return bcrypt.hash(password, COST);
}

/**
 * Compared against this when the email is unknown or has no password, so a miss takes as long as a wrong
 * password and response times do not reveal which emails exist.
 */
const TIMING_DUMMY_HASH = '$2b$12$BjzItogywmTm1bfAjvqm2ukOOUP1//3I9j9OqQjkH8iWQN1nZECJa';

export async function verifyPassword(password: string, hash: string | null): Promise<boolean> {
  if (!hash) {
    await bcrypt.compare(password, TIMING_DUMMY_HASH);
    return false;
  }
  return bcrypt.compare(password, hash);
}
