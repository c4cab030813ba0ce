import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/lib/db/client';
import { changeLog, metaApps } from '@/lib/db/schema';
import { makeKeyring } from '@/lib/receivers/secret-box';
import { openTestDb } from '@/lib/testing/test-db';
import { addApp, removeApp } from './manage';
import { buildAppRegistry, pickApp, UnknownAppError } from './registry';
import { listStoredApps } from './stored-apps';

const actor = { id: null, email: 'admin@example.com' };
const envApp = {
  id: '100',
  label: 'Switchboard Demo',
  accessToken: 'env-token',
  appSecret: 'env-secret',
  isDefault: true,
};
let handle: DbHandle;
const keyring = makeKeyring(randomBytes(32).toString('base64'));

beforeAll(async () => {
  handle = await openTestDb();
});
afterAll(async () => handle.close());

async function registry() {
  return buildAppRegistry([envApp], await listStoredApps(handle.db, keyring));
}

describe('apps added in Settings', () => {
  it('stores the token and secret encrypted, reads them back decrypted, never logs them', async () => {
    const input = {
      appId: '200',
      label: 'Acme Helpdesk',
      accessToken: 'helpdesk-token-XYZ',
      appSecret: 'helpdesk-secret-XYZ',
    };
    const result = await addApp({ db: handle.db, keyring, registry: await registry() }, input, actor);
    expect(result).toEqual({
      kind: 'done',
      app: { id: '200', label: 'Acme Helpdesk', isDefault: false, source: 'settings', hasAppSecret: true },
    });
    const [row] = await handle.db.select().from(metaApps).where(eq(metaApps.appId, '200'));
    expect(row?.accessTokenEnc).toMatch(/^v1:/);
    expect(JSON.stringify(row)).not.toContain('XYZ');
    const logged = await handle.db.select().from(changeLog).where(eq(changeLog.targetId, '200'));
    expect(logged.map((r) => r.action)).toEqual(['meta_app.add']);
    expect(JSON.stringify(logged)).not.toContain('XYZ');

    const apps = await registry();
    expect(apps.apps.map((app) => [app.id, app.isDefault, app.source])).toEqual([
      ['100', true, 'environment'],
      ['200', false, 'settings'],
    ]);
    expect(pickApp(apps, '200').accessToken).toBe('helpdesk-token-XYZ');
    expect(pickApp(apps, null).id).toBe('100');
    expect(() => pickApp(apps, '999')).toThrow(UnknownAppError);
  });

  it('refuses an id the environment or Settings already configures, with a field error', async () => {
    const ctx = { db: handle.db, keyring, registry: await registry() };
    const again = await addApp(ctx, { appId: '200', label: 'x', accessToken: 't', appSecret: null }, actor);
    expect(again).toMatchObject({
      fieldErrors: { appId: [expect.stringMatching(/already configured \(Acme Helpdesk\)/)] },
    });
    const env = await addApp(ctx, { appId: '100', label: 'x', accessToken: 't', appSecret: null }, actor);
    expect(env).toMatchObject({
      fieldErrors: { appId: [expect.stringMatching(/configured in the environment/)] },
    });
    expect(await removeApp(ctx, '100', actor)).toMatchObject({
      kind: 'refused',
      message: expect.stringMatching(/environment/),
    });
  });

  it('removes an app added in Settings', async () => {
    const result = await removeApp({ db: handle.db, keyring, registry: await registry() }, '200', actor);
    expect(result).toMatchObject({ kind: 'done', app: { id: '200' } });
    expect((await registry()).apps.map((app) => app.id)).toEqual(['100']);
  });
});
