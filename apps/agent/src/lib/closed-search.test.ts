import { describe, expect, it } from 'vitest';
import { closedSearchQuery } from './closed-search';

const local = (y: number, m: number, d: number) => new Date(y, m - 1, d).toISOString();

describe('the closed list search (AG10)', () => {
  it('sends nothing for an empty search', () => {
    expect(closedSearchQuery({ customer: '  ', from: '', to: '' })).toEqual({ query: {} });
  });

  it('takes the days as the agent lives them: from local midnight, the end day included', () => {
    expect(closedSearchQuery({ customer: ' Noor ', from: '2026-11-30', to: '2026-12-01' })).toEqual({
      query: { customer: 'Noor', from: local(2026, 11, 30), to: local(2026, 12, 2) },
    });
  });

  it('one day: from and to the same date', () => {
    expect(closedSearchQuery({ customer: '', from: '2026-12-31', to: '2026-12-31' })).toEqual({
      query: { from: local(2026, 12, 31), to: local(2027, 1, 1) },
    });
  });

  it('says when the dates are the wrong way round instead of asking', () => {
    expect(closedSearchQuery({ customer: '', from: '2026-12-02', to: '2026-12-01' })).toEqual({ reversed: true });
  });

  it('ignores what is not a date and keeps the text within what the server takes', () => {
    const out = closedSearchQuery({ customer: 'x'.repeat(300), from: 'yesterday', to: '' });
    expect(out).toEqual({ query: { customer: 'x'.repeat(200) } });
  });
});
