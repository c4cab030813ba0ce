import { describe, expect, it } from 'vitest';
import { csvCell } from '@/lib/csv/stringify';
import type { RouteSnapshotRow } from '@/lib/db/schema';
import { auditCsvHeader, auditCsvRows } from './csv';

describe('audit CSV', () => {
  it('neutralises cells a spreadsheet would run as formulas', () => {
    for (const attack of ['=HYPERLINK("http://evil","x")', '+1+1', '-2+3', '@SUM(A1)', '\tcmd', '\rcmd']) {
      const cell = csvCell(attack);
      expect(cell.startsWith('"\'')).toBe(true);
      expect(cell).toContain(attack.replaceAll('"', '""'));
    }
  });

  it('quotes commas, quotes and line breaks per RFC 4180, and leaves plain values alone', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('https://hooks.example.com/wa?x=1')).toBe('https://hooks.example.com/wa?x=1');
    expect(csvCell(null)).toBe('');
    expect(csvCell(false)).toBe('false');
    expect(csvCell(new Date('2026-01-02T03:04:05Z'))).toBe('2026-01-02T03:04:05.000Z');
  });

  it('writes one line per snapshot with the tiers, the winner (none when nothing is delivered) and drift', () => {
    const row = {
      id: 1,
      scanId: 's',
      appId: '1001',
      appLabel: 'Acme, Helpdesk',
      at: new Date('2026-01-02T03:04:05Z'),
      phoneNumberId: '123',
      wabaId: '456',
      wabaName: '=cmd|"/c calc"!A1',
      businessId: '789',
      ownership: 'client',
      displayPhoneNumber: '+1 555-0100',
      verifiedName: 'Acme, Inc.',
      phoneTier: null,
      wabaTier: null,
      appTier: 'https://app.example.com/hook',
      winner: null,
      effectiveUrl: null,
      subscribed: false,
      changed: true,
      drift: true,
      previous: null,
      verdict: 'does_not_deliver',
      firstProblem: 'waba_subscription',
    } satisfies RouteSnapshotRow;
    expect(auditCsvHeader()).toBe(
      'snapshot_at,phone_number_id,display_phone_number,verified_name,waba_id,waba_name,business_id,ownership,phone_number_tier,waba_tier,application_tier,winner,effective_url,subscribed,changed,changed_outside_switchboard,verdict,first_problem,app_id,app\r\n',
    );
    expect(auditCsvRows([row])).toBe(
      `2026-01-02T03:04:05.000Z,123,"'+1 555-0100","Acme, Inc.",456,"'=cmd|""/c calc""!A1",789,client,,,https://app.example.com/hook,none,,false,true,true,does_not_deliver,waba_subscription,1001,"Acme, Helpdesk"\r\n`,
    );
  });
});
