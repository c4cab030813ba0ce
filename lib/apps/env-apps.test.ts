import { describe, expect, it } from 'vitest';
import { parseConfig } from '@/lib/config';

const base = { META_BUSINESS_IDS: '111' };
const helpdesk = {
  id: '670843887430002',
  label: 'Acme Helpdesk',
  accessToken: 'sbx-sys-helpdesk-token',
  appSecret: 'helpdesk-secret',
};

describe('configured apps from the environment', () => {
  it('keeps the single-app variables working: they are the one, default app', () => {
    const config = parseConfig({
      ...base,
      META_APP_ID: '1234567890',
      GRAPH_ACCESS_TOKEN: 'tok',
      META_APP_SECRET: 'shh',
    });
    expect(config.META_APPS).toEqual([
      { id: '1234567890', label: 'App 1234567890', accessToken: 'tok', appSecret: 'shh', isDefault: true },
    ]);
    expect(config.META_APP_ID).toBe('1234567890');
  });

  it('adds META_APPS beside the single-app variables, which stay the default', () => {
    const config = parseConfig({
      ...base,
      META_APP_ID: '1234567890',
      META_APP_LABEL: 'Switchboard Demo',
      GRAPH_ACCESS_TOKEN: 'tok',
      META_APPS: JSON.stringify([helpdesk]),
    });
    expect(config.META_APPS.map((app) => [app.id, app.label, app.isDefault])).toEqual([
      ['1234567890', 'Switchboard Demo', true],
      ['670843887430002', 'Acme Helpdesk', false],
    ]);
  });

  it('takes META_APPS alone, the entry marked default filling the single-app fields', () => {
    const first = { id: '11', label: 'First', accessToken: 'tok-1' };
    const config = parseConfig({
      ...base,
      META_APPS: JSON.stringify([first, { ...helpdesk, default: true }]),
    });
    expect(config.META_APPS.map((app) => app.id)).toEqual(['670843887430002', '11']);
    expect(config.META_APP_ID).toBe('670843887430002');
    expect(config.GRAPH_ACCESS_TOKEN).toBe('sbx-sys-helpdesk-token');
    expect(config.META_APP_SECRET).toBe('helpdesk-secret');
  });

  it.each([
    ['not JSON', '[{"id": ', /META_APPS must be a JSON array of apps/],
    ['an empty list', '[]', /META_APPS must list at least one app/],
    ['a bad id', JSON.stringify([{ ...helpdesk, id: 'abc' }]), /META_APPS must be the numeric app id/],
    ['a missing token', JSON.stringify([{ id: '1', label: 'x' }]), /META_APPS/],
    ['an unknown key', JSON.stringify([{ ...helpdesk, token: 'x' }]), /META_APPS/],
    ['the same app twice', JSON.stringify([helpdesk, helpdesk]), /lists app 670843887430002 twice/],
    [
      'two defaults',
      JSON.stringify([
        { ...helpdesk, default: true },
        { id: '9', label: 'b', accessToken: 't', default: true },
      ]),
      /more than one app as default/,
    ],
  ])('refuses %s with a clear error that never quotes a token', (_name, value, message) => {
    const attempt = () => parseConfig({ ...base, META_APPS: value });
    expect(attempt).toThrow(message);
    expect(attempt).not.toThrow(/sbx-sys-helpdesk-token|helpdesk-secret/);
  });

  it('refuses an app configured twice and a second default beside the single-app variables', () => {
    const single = { ...base, META_APP_ID: helpdesk.id, GRAPH_ACCESS_TOKEN: 'tok' };
    expect(() => parseConfig({ ...single, META_APPS: JSON.stringify([helpdesk]) })).toThrow(
      /META_APP_ID 670843887430002 is also listed in META_APPS/,
    );
    expect(() =>
      parseConfig({
        ...single,
        META_APP_ID: '5',
        META_APPS: JSON.stringify([{ ...helpdesk, default: true }]),
      }),
    ).toThrow(/META_APPS marks a default app/);
  });

  it('still asks for the token when only META_APP_ID is set', () => {
    expect(() => parseConfig({ ...base, META_APP_ID: '5' })).toThrow(/GRAPH_ACCESS_TOKEN is required/);
  });
});
