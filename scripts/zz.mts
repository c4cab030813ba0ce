import { PGlite } from '@electric-sql/pglite';
const db = await PGlite.create({ dataDir: '/tmp/pgm5' });
console.log((await db.query("select name, setting, source from pg_settings where source not in ('default','override') order by name")).rows);
await db.close();
