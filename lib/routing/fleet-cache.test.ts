import { describe, expect, it } from 'vitest';
import type { FleetScan } from '@/lib/fleet/types';
import { FleetCache } from './fleet-cache';

const scan = (label: string, errors = 0): FleetScan => ({
  wabas: [],
  errors: Array.from({ length: errors }, () => ({
    code: 2,
    subcode: null,
    fbtraceId: null,
    message: 'x',
    suggestSubscribe: false,
    retryAfterSeconds: null,
  })),
  readAt: label,
});

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

describe('FleetCache', () => {
  it('serves a scan until the TTL passes, and shares one scan in flight', async () => {
    let now = 0;
    const cache = new FleetCache(30_000, () => now);
    let loads = 0;
    const load = async () => scan(`load ${++loads}`);
    const [a, b] = await Promise.all([cache.get('k', load), cache.get('k', load)]);
    expect(a).toBe(b);
    expect(loads).toBe(1);
    now = 29_999;
    expect((await cache.get('k', load)).readAt).toBe('load 1');
    now = 30_000;
    expect((await cache.get('k', load)).readAt).toBe('load 2');
    expect((await cache.get('k', load, { refresh: true })).readAt).toBe('load 3');
    expect((await cache.get('other', load)).readAt).toBe('load 4');
  });

  it('does not cache scans with failed listings', async () => {
    const cache = new FleetCache();
    let loads = 0;
    const load = async () => scan(`load ${++loads}`, 1);
    await cache.get('k', load);
    await cache.get('k', load);
    expect(loads).toBe(2);
    expect(cache.lastScan('k')?.readAt).toBe('load 2');
  });

  it('drops cached scans on invalidate, and never stores a scan that started before it', async () => {
    const cache = new FleetCache();
    await cache.get('k', async () => scan('before'));
    const slow = deferred<FleetScan>();
    const running = cache.get('k', () => slow.promise, { refresh: true });
    cache.invalidate();
    slow.resolve(scan('started before the write'));
    await running;
    expect((await cache.get('k', async () => scan('after'))).readAt).toBe('after');
    // The structural index keeps the last stored scan across invalidations.
    expect(cache.lastScan('k')?.readAt).toBe('after');
  });
});
