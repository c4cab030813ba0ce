/**
 * Runs once when the server starts: validates configuration (a bad env var stops the server with a message
 * naming it) and opens the database so migrations and demo seeding happen before the first request.
 *
 * Everything sits inside the `NEXT_RUNTIME === 'nodejs'` block: Next replaces the variable at build time, so
 * the Edge build drops the block (and its `process.exit`) instead of warning that Edge has no such API.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { getConfig } = await import('@/lib/config');
    try {
      getConfig();
    } catch (error) {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    }
    const { getAuditEnv, getDbHandle } = await import('@/lib/server');
    await getDbHandle();
    const { onServerStart } = await import('@/lib/server-start');
    await onServerStart({ auditEnv: getAuditEnv });
  }
}
