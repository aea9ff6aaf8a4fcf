import type { Report } from '@switchboard/protocol';
import { beforeEach, describe, expect, it } from 'vitest';
import { i18n, type SupervisorT } from '../i18n';
import { reportColumns, reportCsv } from './report-columns';

const q1 = '00000000-0000-4000-8000-000000000001';
const report: Report = {
  from: '2026-03-01T08:00:00.000Z',
  to: '2026-03-01T10:00:00.000Z',
  bucket: 'hour',
  dimensions: ['queue', 'channel'],
  timeZone: 'Europe/Amsterdam',
  measures: [
    { name: 'conversationsIn', unit: 'count' },
    { name: 'averageSpeedOfAnswer', unit: 'seconds' },
    { name: 'serviceLevel20', unit: 'share' },
  ],
  rows: [
    {
      bucket: '2026-03-01T08:00:00.000Z',
      queueId: q1,
      queueName: 'Support, "EU"',
      channel: 'webchat',
      values: { conversationsIn: 3, averageSpeedOfAnswer: 12.5, serviceLevel20: 0.6667 },
    },
    {
      bucket: '2026-03-01T09:00:00.000Z',
      queueId: null,
      queueName: null,
      channel: 'sms',
      values: { conversationsIn: 1, averageSpeedOfAnswer: null, serviceLevel20: null },
    },
  ],
  tookMs: 3,
};

const ctx = (language: string) => ({
  t: i18n.getFixedT(language) as unknown as SupervisorT,
  language,
  timeZone: 'Europe/Amsterdam',
});

describe("a report's columns, shown and exported (SV9)", () => {
  beforeEach(() => void i18n.changeLanguage('en'));

  it('has the period, each group and each KPI, and shows each cell in its unit', () => {
    const columns = reportColumns(report, ctx('en'));
    expect(columns.map((c) => c.header)).toEqual([
      'Period',
      'Queue',
      'Channel',
      'Conversations in',
      'Average speed of answer',
      'Service level (20 s)',
    ]);
    const shown = report.rows.map((r) => columns.map((c) => c.text(r)));
    expect(shown).toEqual([
      ['2026-03-01 09:00', 'Support, "EU"', 'Chat', '3', '0:13', '66.7%'],
      ['2026-03-01 10:00', '—', 'SMS', '1', '—', '—'],
    ]);
  });

  it('exports the same columns and rows, numbers unformatted, shares 0..1 and seconds said in the header', () => {
    const csv = reportCsv(report, reportColumns(report, ctx('en')));
    expect(csv).toBe(
      'Period,Queue,Channel,Conversations in,Average speed of answer (seconds),' +
        '"Service level (20 s) (share, 0–1)"\r\n' +
        '2026-03-01 09:00,"Support, ""EU""",Chat,3,12.5,0.6667\r\n' +
        '2026-03-01 10:00,,SMS,1,,\r\n',
    );
  });

  it('writes the headers in the language the page is in', () => {
    const header = reportCsv(report, reportColumns(report, ctx('nl'))).split('\r\n')[0];
    expect(header).toBe(
      'Periode,Wachtrij,Kanaal,Binnengekomen gesprekken,Gemiddelde wachttijd tot antwoord (seconden),' +
        '"Serviceniveau (20 s) (aandeel, 0–1)"',
    );
  });

  it('has no period column for a total, and a day bucket shows as the server names it', () => {
    const total = { ...report, bucket: 'total' as const, rows: report.rows.map((r) => ({ ...r, bucket: null })) };
    expect(reportColumns(total, ctx('en'))[0]!.header).toBe('Queue');
    const day = { ...report, bucket: 'day' as const, rows: [{ ...report.rows[0]!, bucket: '2026-03-01' }] };
    expect(reportColumns(day, ctx('en'))[0]!.text(day.rows[0]!)).toBe('2026-03-01');
  });
});
