import 'server-only';

/** A Coreapp answer that was not a success, or no answer at all. Never carries a password or token. */
export class CoreappError extends Error {
  override name = 'CoreappError';
  constructor(
    message: string,
    /** HTTP status, or null when the Coreapp could not be reached. */
    readonly status: number | null,
    /** The On-Premises error code (1005 access denied, 1009 invalid parameter…), when it sent one. */
    readonly code: number | null = null,
    readonly details: string | null = null,
  ) {
    super(message);
  }
}

/** One sentence for the console; the Coreapp's own `details` when it gave some. */
export function describeCoreappError(error: unknown): string {
  if (!(error instanceof CoreappError)) return 'The Coreapp could not be read.';
  // No status: nothing was sent; `details`, when set, is already the whole sentence (e.g. a password we can't read).
  if (error.status === null) return error.details ?? `The Coreapp could not be reached: ${error.message}`;
  if (error.status === 401) {
    return 'The Coreapp refused the admin credentials (error 1005). Check the user and password registered here.';
  }
  const code = error.code === null ? '' : ` (error ${error.code})`;
  return `The Coreapp answered HTTP ${error.status}${code}: ${error.details ?? error.message}`;
}
