/**
 * Imported first by main.ts, before Next.js loads any server chunk. tsx (the loader `npm start` runs under)
 * turns Node's source maps on for the whole process, so every chunk under .next/server that names a .map
 * file would have it read, parsed and kept for the life of the process, and every stack trace would be mapped
 * through them (measured under `npm run bench:pages`: tens of MB of map text in the heap, re-read on each
 * route's first load). `next start` runs without them; so does this server. NODE_OPTIONS=--enable-source-maps
 * keeps them on for a debugging session.
 */
const asked = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)].includes(
  '--enable-source-maps',
);
if (!asked) process.setSourceMapsEnabled(false);
