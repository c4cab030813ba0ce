/**
 * The first-load JavaScript of every App Router page of a `next build`, from its manifests (scripts/first-load-js.ts
 * prints it). A page's first load is the framework's root chunks (`build-manifest.json` rootMainFiles) plus
 * every entry chunk its client reference manifest lists for the segments on its path (layouts, error and
 * not-found boundaries, the page), each chunk counted once. Polyfills are left out: they are `noModule`
 * scripts a current browser never fetches. Chunks behind `next/dynamic`, `lazy` or `import()` are not first
 * load: they are fetched when what needs them renders. Sizes are gzip at zlib's default level (what
 * `compress: true` serves).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { runInNewContext } from 'node:vm';
import { gzipSync } from 'node:zlib';

export interface PageLoad {
  /** The URL pattern, e.g. `/numbers/[phoneNumberId]`. */
  route: string;
  chunks: number;
  rawBytes: number;
  gzipBytes: number;
}

interface ClientReferenceManifest {
  entryJSFiles?: Record<string, string[]>;
}

function manifestFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return manifestFiles(full);
    return entry.name === 'page_client-reference-manifest.js' ? [full] : [];
  });
}

/** The manifest is a script assigning `globalThis.__RSC_MANIFEST[page]`: run it in a sandbox to read it. */
function readClientManifest(file: string): { page: string; manifest: ClientReferenceManifest } {
  const context: { globalThis?: unknown; __RSC_MANIFEST?: Record<string, ClientReferenceManifest> } = {};
  context.globalThis = context;
  runInNewContext(readFileSync(file, 'utf8'), context);
  const [entry] = Object.entries(context.__RSC_MANIFEST ?? {});
  if (!entry) throw new Error(`${file} assigns no client reference manifest`);
  return { page: entry[0], manifest: entry[1] };
}

/** Every page's first load (Next's own `/_…` pages left out), by route, and the framework's share alone. */
export function firstLoadByRoute(distDir: string): { pages: PageLoad[]; frameworkGzipBytes: number } {
  const readJson = <T>(file: string): T => JSON.parse(readFileSync(path.join(distDir, file), 'utf8')) as T;
  const { rootMainFiles } = readJson<{ rootMainFiles: string[] }>('build-manifest.json');
  const routes = readJson<Record<string, string>>('app-path-routes-manifest.json');
  const sizes = new Map<string, { raw: number; gzip: number }>();
  // Manifests name a chunk `static/chunks/…` or, as the browser fetches it, `/_next/static/chunks/…`.
  const normalise = (chunk: string) => chunk.replace(/^\/?_next\//, '');
  const sizeOf = (file: string) => {
    let size = sizes.get(file);
    if (!size) {
      const bytes = readFileSync(path.join(distDir, file));
      size = { raw: bytes.length, gzip: gzipSync(bytes).length };
      sizes.set(file, size);
    }
    return size;
  };
  const pages = manifestFiles(path.join(distDir, 'server', 'app'))
    .map((file) => {
      const { page, manifest } = readClientManifest(file);
      const chunks = new Set(rootMainFiles.map(normalise));
      for (const list of Object.values(manifest.entryJSFiles ?? {})) {
        for (const c of list) chunks.add(normalise(c));
      }
      let rawBytes = 0;
      let gzipBytes = 0;
      for (const chunk of chunks) {
        const size = sizeOf(chunk);
        rawBytes += size.raw;
        gzipBytes += size.gzip;
      }
      return { route: routes[page] ?? page, chunks: chunks.size, rawBytes, gzipBytes };
    })
    .filter((p) => !p.route.startsWith('/_'))
    .sort((a, b) => a.route.localeCompare(b.route));
  const frameworkGzipBytes = rootMainFiles.reduce((sum, f) => sum + sizeOf(normalise(f)).gzip, 0);
  return { pages, frameworkGzipBytes };
}

/** kB of 1,000 bytes, one decimal. */
export const kb = (bytes: number) => Math.round(bytes / 100) / 10;

/** Routes over their budget (kB), and budgeted routes the build does not have. */
export function checkBudgets(pages: PageLoad[], budgets: Record<string, number>) {
  const over = pages.filter(
    (p) => budgets[p.route] !== undefined && kb(p.gzipBytes) > (budgets[p.route] ?? 0),
  );
  const missing = Object.keys(budgets).filter((route) => !pages.some((p) => p.route === route));
  return { over: over.map((p) => p.route), missing };
}
