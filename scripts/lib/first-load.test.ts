import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { checkBudgets, firstLoadByRoute } from './first-load';

/** A build directory laid out as `next build` (Turbopack) writes it, with chunks of random-ish content. */
function fakeBuild() {
  const dir = mkdtempSync(path.join(tmpdir(), 'first-load-'));
  const chunk = (name: string, size: number) => {
    const text = Array.from({ length: size }, (_, i) => String.fromCharCode(33 + ((i * 7919) % 90))).join('');
    mkdirSync(path.join(dir, 'static', 'chunks'), { recursive: true });
    writeFileSync(path.join(dir, 'static', 'chunks', name), text);
    return { file: `static/chunks/${name}`, gzip: gzipSync(text).length, raw: size };
  };
  const framework = chunk('framework.js', 5000);
  const layout = chunk('layout.js', 2000);
  const page = chunk('page.js', 3000);
  const polyfill = chunk('polyfill.js', 9000);
  writeFileSync(
    path.join(dir, 'build-manifest.json'),
    JSON.stringify({ polyfillFiles: [polyfill.file], rootMainFiles: [framework.file] }),
  );
  writeFileSync(
    path.join(dir, 'app-path-routes-manifest.json'),
    JSON.stringify({ '/(console)/numbers/[id]/page': '/numbers/[id]', '/_not-found/page': '/_not-found' }),
  );
  const manifest = (page: string, entries: Record<string, string[]>, where: string) => {
    mkdirSync(path.join(dir, 'server', 'app', where), { recursive: true });
    writeFileSync(
      path.join(dir, 'server', 'app', where, 'page_client-reference-manifest.js'),
      `globalThis.__RSC_MANIFEST = globalThis.__RSC_MANIFEST || {};\nglobalThis.__RSC_MANIFEST[${JSON.stringify(page)}] = ${JSON.stringify({ entryJSFiles: entries })};`,
    );
  };
  // The layout's chunk is listed for both segments, once with the `/_next/` prefix the browser uses.
  manifest(
    '/(console)/numbers/[id]/page',
    {
      '[project]/app/(console)/layout': [layout.file],
      '[project]/app/(console)/numbers/[id]/page': [`/_next/${layout.file}`, page.file],
    },
    '(console)/numbers/[id]',
  );
  manifest('/_not-found/page', { '[project]/app/not-found': [layout.file] }, '_not-found');
  return { dir, framework, layout, page };
}

describe('first-load JavaScript from the build manifests', () => {
  const build = fakeBuild();
  afterAll(() => rmSync(build.dir, { recursive: true, force: true }));

  it('adds the root chunks and each entry chunk of the page once, without polyfills or Next’s own pages', () => {
    const { pages, frameworkGzipBytes } = firstLoadByRoute(build.dir);
    expect(pages).toEqual([
      {
        route: '/numbers/[id]',
        chunks: 3,
        rawBytes: build.framework.raw + build.layout.raw + build.page.raw,
        gzipBytes: build.framework.gzip + build.layout.gzip + build.page.gzip,
      },
    ]);
    expect(frameworkGzipBytes).toBe(build.framework.gzip);
  });

  it('names the pages over their budget and budgets for pages the build lacks', () => {
    const { pages } = firstLoadByRoute(build.dir);
    const total = (pages[0]?.gzipBytes ?? 0) / 1000;
    expect(checkBudgets(pages, { '/numbers/[id]': total + 0.2 })).toEqual({ over: [], missing: [] });
    expect(checkBudgets(pages, { '/numbers/[id]': total - 0.2, '/gone': 1 })).toEqual({
      over: ['/numbers/[id]'],
      missing: ['/gone'],
    });
  });
});
