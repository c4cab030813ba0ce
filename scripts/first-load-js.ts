/**
 * `npm run bench:bundle` (after `next build`): the first-load JavaScript of every page, gzipped, computed from
 * the build's manifests — Next 16 no longer prints its size table. A page's first load is the framework's
 * root chunks (`build-manifest.json` rootMainFiles) plus every entry chunk its client reference manifest lists
 * for the segments on its path (root and console layouts, error/not-found boundaries, the page). Polyfills are
 * left out: they are `noModule` scripts a current browser never fetches. Chunks behind `next/dynamic` or
 * `import()` are not first load: they are fetched when what needs them renders.
 *
 * Prints one line per page, then as its last line one JSON object; exits 1 when a page with a budget is over it.
 * Sizes are gzip at the default level (what `compress: true` serves), in kB of 1,000 bytes.
 */
import { readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runInNewContext } from 'node:vm';
import { gzipSync } from 'node:zlib';

/** Issue #18: the overview, WABA and number pages load at most 150 kB of JavaScript, gzipped. */
export const BUDGET_KB: Record<string, number> = {
  '/': 150,
  '/wabas/[wabaId]': 150,
  '/numbers/[phoneNumberId]': 150,
};

interface ClientReferenceManifest {
  entryJSFiles?: Record<string, string[]>;
}

const distDir = path.resolve(process.argv[2] ?? '.next');
const readJson = <T>(file: string): T => JSON.parse(readFileSync(path.join(distDir, file), 'utf8')) as T;

function manifestFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return manifestFiles(full);
    return entry.name === 'page_client-reference-manifest.js' ? [full] : [];
  });
}

/** The manifest is a script assigning `globalThis.__RSC_MANIFEST[page]`; run it in a sandbox to read it. */
function readClientManifest(file: string): { page: string; manifest: ClientReferenceManifest } {
  const context: { globalThis?: unknown; __RSC_MANIFEST?: Record<string, ClientReferenceManifest> } = {};
  context.globalThis = context;
  runInNewContext(readFileSync(file, 'utf8'), context);
  const [entry] = Object.entries(context.__RSC_MANIFEST ?? {});
  if (!entry) throw new Error(`${file} assigns no client reference manifest`);
  return { page: entry[0], manifest: entry[1] };
}

const sizes = new Map<string, { raw: number; gzip: number }>();
function sizeOf(file: string) {
  let size = sizes.get(file);
  if (!size) {
    const bytes = readFileSync(path.join(distDir, file));
    size = { raw: bytes.length, gzip: gzipSync(bytes).length };
    sizes.set(file, size);
  }
  return size;
}

const kb = (bytes: number) => Math.round(bytes / 100) / 10;

let buildManifest: { rootMainFiles: string[] };
let routes: Record<string, string>;
try {
  buildManifest = readJson('build-manifest.json');
  routes = readJson('app-path-routes-manifest.json');
} catch {
  console.error(`No build in ${distDir}: run \`npx next build\` first.`);
  process.exit(1);
}

const pages = manifestFiles(path.join(distDir, 'server', 'app'))
  .map((file) => {
    const { page, manifest } = readClientManifest(file);
    const files = new Set(buildManifest.rootMainFiles);
    for (const chunks of Object.values(manifest.entryJSFiles ?? {})) for (const c of chunks) files.add(c);
    let raw = 0;
    let gzip = 0;
    for (const file of files) {
      const size = sizeOf(file.replace(/^\/?_next\//, ''));
      raw += size.raw;
      gzip += size.gzip;
    }
    return { route: routes[page] ?? page, chunks: files.size, raw, gzip };
  })
  .filter((p) => !p.route.startsWith('/_'))
  .sort((a, b) => a.route.localeCompare(b.route));

const framework = buildManifest.rootMainFiles.reduce((sum, f) => sum + sizeOf(f).gzip, 0);
const over: string[] = [];
const width = Math.max(...pages.map((p) => p.route.length));
console.log(`First-load JS per page (gzip; framework root chunks alone ${kb(framework)} kB)`);
for (const p of pages) {
  const budget = BUDGET_KB[p.route];
  const verdict =
    budget === undefined ? '' : kb(p.gzip) <= budget ? `  ≤ ${budget} kB: met` : `  > ${budget} kB: OVER`;
  if (budget !== undefined && kb(p.gzip) > budget) over.push(p.route);
  console.log(
    `${p.route.padEnd(width)}  ${String(kb(p.gzip)).padStart(6)} kB gzip  ${String(kb(p.raw)).padStart(6)} kB raw  ${String(p.chunks).padStart(2)} chunks${verdict}`,
  );
}
const missing = Object.keys(BUDGET_KB).filter((route) => !pages.some((p) => p.route === route));
for (const route of missing) console.error(`No page ${route} in the build: the budget checks nothing.`);
console.log(
  JSON.stringify({
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cores: os.cpus().length,
    framework_kb: kb(framework),
    first_load_gzip_kb: Object.fromEntries(pages.map((p) => [p.route, kb(p.gzip)])),
    first_load_raw_kb: Object.fromEntries(pages.map((p) => [p.route, kb(p.raw)])),
    budget_kb: BUDGET_KB,
    over,
  }),
);
if (over.length > 0 || missing.length > 0) process.exit(1);
