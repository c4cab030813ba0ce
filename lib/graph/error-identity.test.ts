import { expect, it, vi } from 'vitest';

it('a GraphError made by one copy of the module is a GraphError to another (the client is shared per process)', async () => {
  const first = await import('./errors');
  vi.resetModules();
  const second = await import('./errors');
  expect(second.GraphError).not.toBe(first.GraphError);
  const error = new first.GraphError({
    method: 'GET',
    path: '/123',
    message: 'Unsupported get request',
    code: 100,
  });
  expect(error).toBeInstanceOf(second.GraphError);
  expect(second.isGraphError(error)).toBe(true);
  expect(second.isGraphError(new Error('Graph GET /123 failed'))).toBe(false);
  expect(second.isGraphError({ name: 'GraphError', code: 100 })).toBe(false);
});
