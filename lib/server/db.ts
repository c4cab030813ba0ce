/**
 * The process's database: opened once from the environment (PostgreSQL when DATABASE_URL is set, PGlite in
 * DATA_DIR otherwise). The handle itself lives in lib/db/client.ts, built through processSingleton, because
 * lib/db's own queries default to it; this is the door the rest of the server uses.
 */
import 'server-only';

export { type Db, type DbHandle, getDb, getDbHandle } from '@/lib/db/client';
