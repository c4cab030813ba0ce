/**
 * The audit with two configured apps (the fixture's apps[0], the default, and apps[1]), against the sandbox
 * over HTTP and a real database: one snapshot row per number and app, each app's own tiers read with its own
 * token, the app filter, the CSV's app columns, URL groups across apps, and drift per app.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { recordChange } from '@/lib/db/change-log';
import { routeSnapshots } from '@/lib/db/schema';
import type { FixtureApp } from '@/lib/graph-sandbox/fixture-identities';
import { auditCsvRows } from './csv';
import { numberDrift, routeHistory } from './history';
import { listSnapshots, urlGroups, walkSnapshots } from './queries';
import { startAuditScan } from './scan-job';
import { type AuditHarness, startAuditHarness } from './test-support';

const ACTOR = { id: null, email: 'operator@example.com' };

describe('audit of every configured app', () => {
  let h: AuditHarness;
  let main: FixtureApp;
  let helpdesk: FixtureApp;
  const scanBoth = async () => {
    const scan = await (await startAuditScan(h.withApps(2), 'admin@example.com')).finished;
    if (scan?.status !== 'completed') throw new Error(`scan ended ${scan?.status}`);
    return scan;
  };
  const rowOf = async (scanId: string, appId: string, phoneNumberId: string) => {
    const [row] = await h.db
      .select()
      .from(routeSnapshots)
      .where(
        and(
          eq(routeSnapshots.scanId, scanId),
          eq(routeSnapshots.appId, appId),
          eq(routeSnapshots.phoneNumberId, phoneNumberId),
        ),
      );
    if (!row) throw new Error(`no row of app ${appId} for ${phoneNumberId}`);
    return row;
  };

  beforeAll(async () => {
    h = await startAuditHarness();
    [main, helpdesk] = h.fixture.apps as [FixtureApp, FixtureApp];
  });
  afterAll(() => h.close());
  beforeEach(() => h.reset());

  it("stores one row per number and app with each app's own tiers: only the second app's phone override wins for it", async () => {
    const scan = await scanBoth();
    const numbers = h.fixture.counts.phoneNumbers;
    const rows = await h.db.select().from(routeSnapshots).where(eq(routeSnapshots.scanId, scan.id));
    expect(rows).toHaveLength(numbers * 2);
    expect(rows.filter((r) => r.appId === main.id)).toHaveLength(numbers);
    expect(rows.filter((r) => r.appId === helpdesk.id).every((r) => r.appLabel === helpdesk.name)).toBe(true);

    const shared = h.fixture.scenarios.sharedWaba.secondAppPhoneNumberId ?? '';
    const helpdeskScope = (await h.control.state()).apps.find((a) => a.id === helpdesk.id);
    const helpdeskOverride = helpdeskScope?.phoneOverrides.find((o) => o.phoneNumberId === shared);
    expect(helpdeskOverride?.overrideCallbackUri).toBeTruthy();
    const mainRow = await rowOf(scan.id, main.id, shared);
    const helpdeskRow = await rowOf(scan.id, helpdesk.id, shared);
    expect(helpdeskRow).toMatchObject({
      winner: 'phone_number',
      phoneTier: helpdeskOverride?.overrideCallbackUri,
      effectiveUrl: helpdeskOverride?.overrideCallbackUri,
    });
    // The default app's token does not see the helpdesk's phone override: its own route is its WABA override.
    expect(mainRow.phoneTier).toBeNull();
    expect(mainRow.winner).toBe('whatsapp_business_account');
    expect(mainRow.effectiveUrl).not.toBe(helpdeskRow.effectiveUrl);

    // Graph calls scale with apps × listings: each app's pass costs what a one-app scan costs.
    const single = await (await startAuditScan(h.env, 'admin@example.com')).finished;
    expect(scan.apps.map((a) => [a.appId, a.appLabel, a.numbersScanned, a.graphCalls])).toEqual([
      [main.id, main.name, numbers, single?.graphCalls],
      [helpdesk.id, helpdesk.name, numbers, single?.graphCalls],
    ]);
    expect(scan.graphCalls).toBe((single?.graphCalls ?? 0) * 2);
    expect(scan).toMatchObject({ numbersScanned: numbers * 2, numbersTotal: numbers * 2, errors: [] });
  });

  it("filters by app, exports the app's id and label, and groups one URL's numbers across apps", async () => {
    const scan = await scanBoth();
    const page = await listSnapshots(h.db, {
      scanId: scan.id,
      filter: { app: helpdesk.id },
      offset: 0,
      limit: 500,
    });
    expect(page.total).toBe(h.fixture.counts.phoneNumbers);
    expect(new Set(page.rows.map((r) => r.appId))).toEqual(new Set([helpdesk.id]));
    expect(page.rows[0]?.appLabel).toBe(helpdesk.name);

    const lines: string[] = [];
    for await (const batch of walkSnapshots(h.db, { scanId: scan.id, filter: { app: helpdesk.id } })) {
      lines.push(...auditCsvRows(batch).trimEnd().split('\r\n'));
    }
    expect(lines).toHaveLength(h.fixture.counts.phoneNumbers);
    expect(lines.every((line) => line.endsWith(`,${helpdesk.id},${helpdesk.name}`))).toBe(true);

    // Both apps' app callbacks are distinct URLs; each group names the one app whose numbers reach it.
    const groups = await urlGroups(h.db, { scanId: scan.id, filter: {} });
    expect(groups.numbers).toBe(h.fixture.counts.phoneNumbers * 2);
    const shared = h.fixture.scenarios.sharedWaba.secondAppPhoneNumberId ?? '';
    const helpdeskUrl = (await rowOf(scan.id, helpdesk.id, shared)).effectiveUrl;
    const group = groups.groups.find((g) => g.url === helpdeskUrl);
    expect(group?.apps.map((a) => a.appId)).toEqual([helpdesk.id]);
    const noDelivery = groups.groups.find((g) => g.url === null);
    expect(noDelivery?.apps.reduce((sum, a) => sum + a.count, 0)).toBe(noDelivery?.count);
    // A URL both apps reach (none in this fixture by default) would list both: every group's apps add up.
    for (const g of groups.groups) expect(g.apps.reduce((sum, a) => sum + a.count, 0)).toBe(g.count);
  });

  it('marks drift per app: a change to the second app behind our back flags its row only', async () => {
    const first = await scanBoth();
    const { receiverUrl } = h.fixture;
    // Two numbers on a WABA the helpdesk is subscribed to, with no phone override of its own yet.
    const candidates = await h.db
      .select({ id: routeSnapshots.phoneNumberId })
      .from(routeSnapshots)
      .where(and(eq(routeSnapshots.scanId, first.id), eq(routeSnapshots.appId, helpdesk.id)))
      .then((rows) => rows.map((r) => r.id));
    const free = [];
    for (const id of candidates) {
      const row = await rowOf(first.id, helpdesk.id, id);
      if (row.subscribed && row.phoneTier === null) free.push(id);
    }
    const [behindOurBack = '', explainedForMainOnly = ''] = free;
    expect(explainedForMainOnly).not.toBe('');
    for (const phoneNumberId of [behindOurBack, explainedForMainOnly]) {
      await h.graphPost(
        `/${phoneNumberId}`,
        { webhook_configuration: { override_callback_uri: receiverUrl, verify_token: 'switchboard-demo' } },
        helpdesk.accessToken,
      );
    }
    // A Switchboard write as the default app explains the default app's changes, never the helpdesk's.
    await recordChange(
      {
        actor: ACTOR,
        action: 'phone_override.set',
        targetType: 'phone_number',
        targetId: explainedForMainOnly,
        outcome: 'success',
        appId: main.id,
      },
      h.db,
    );

    const second = await scanBoth();
    expect(second).toMatchObject({ changedCount: 2, driftCount: 2 });
    for (const phoneNumberId of [behindOurBack, explainedForMainOnly]) {
      expect(await rowOf(second.id, helpdesk.id, phoneNumberId)).toMatchObject({
        changed: true,
        drift: true,
        phoneTier: receiverUrl,
      });
      expect(await rowOf(second.id, main.id, phoneNumberId)).toMatchObject({ changed: false, drift: false });
    }
    // The number page's badge and history, per app; without an app, the default app's as before.
    expect(await numberDrift(h.db, behindOurBack, helpdesk.id)).toMatchObject({
      appId: helpdesk.id,
      drift: true,
    });
    expect(await numberDrift(h.db, behindOurBack, main.id)).toBeNull();
    expect(await numberDrift(h.db, behindOurBack)).toBeNull();
    const history = await routeHistory(h.db, behindOurBack, 50, helpdesk.id);
    expect(history.changes.map((c) => [c.appId, c.previous?.phoneTier, c.phoneTier])).toEqual([
      [helpdesk.id, null, receiverUrl],
    ]);
    expect((await routeHistory(h.db, behindOurBack)).changes).toEqual([]);
  });
});
