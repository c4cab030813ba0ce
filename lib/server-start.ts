/**
 * Start-up tasks that need the database (called from instrumentation.ts after migrations).
 * Other modules register their work here rather than growing instrumentation.ts.
 */
import 'server-only';
import { startAuth } from '@/lib/auth/on-start';

export async function onServerStart(): Promise<void> {
  await startAuth();
}
