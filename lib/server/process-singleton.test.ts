import { describe, expect, it, vi } from 'vitest';

describe('processSingleton', () => {
  it('builds once per key, even across two copies of the module (as Next loads it)', async () => {
    const first = await import('./process-singleton');
    vi.resetModules();
    const second = await import('./process-singleton');
    expect(second).not.toBe(first);
    const build = vi.fn(() => ({ made: Symbol('value') }));
    const a = first.processSingleton('test.shared', build);
    const b = second.processSingleton('test.shared', build);
    expect(b).toBe(a);
    expect(build).toHaveBeenCalledTimes(1);
    expect(first.processSingleton('test.other', () => 'other')).toBe('other');
  });

  it('forgets a promise that rejects, so the next caller builds again', async () => {
    const { processSingleton } = await import('./process-singleton');
    let attempt = 0;
    const open = () => {
      attempt += 1;
      return attempt === 1
        ? Promise.reject(new Error('database down'))
        : Promise.resolve(`handle ${attempt}`);
    };
    await expect(processSingleton('test.db', open)).rejects.toThrow('database down');
    await expect(processSingleton('test.db', open)).resolves.toBe('handle 2');
    await expect(processSingleton('test.db', open)).resolves.toBe('handle 2');
    expect(attempt).toBe(2);
  });
});
