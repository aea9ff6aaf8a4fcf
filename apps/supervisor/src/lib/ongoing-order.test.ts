import { describe, expect, it } from 'vitest';
import { row } from '../test/ongoing-rows';
import { compareRows, DEFAULT_ORDER, nextOrder } from './ongoing-order';

describe('the ongoing list order (SV1)', () => {
  it('a header click sorts by it the natural way, then the other way, then back to the newest first', () => {
    const byWait = nextOrder(DEFAULT_ORDER, 'wait');
    expect(byWait).toEqual({ sort: 'wait', direction: 'desc' });
    expect(nextOrder(byWait, 'wait')).toEqual({ sort: 'wait', direction: 'asc' });
    expect(nextOrder(nextOrder(byWait, 'wait'), 'wait')).toEqual(DEFAULT_ORDER);
    expect(nextOrder(byWait, 'queue')).toEqual({ sort: 'queue', direction: 'asc' });
    expect(nextOrder(DEFAULT_ORDER, 'newest')).toEqual({ sort: 'newest', direction: 'asc' });
  });

  it('orders as the server does: by the value, rows without one last either way, ties by id', () => {
    const now = Date.now();
    const rows = [
      row(1, { agentName: 'Cleo' }, now),
      row(2, { agentName: null, agentId: null }, now),
      row(3, { agentName: 'Anna' }, now),
      row(4, { agentName: 'Cleo' }, now),
    ];
    const ids = (sorted: typeof rows) => sorted.map((r) => r.customerName.slice(-1));
    expect(ids([...rows].sort(compareRows({ sort: 'agent', direction: 'asc' }, now)))).toEqual(['3', '1', '4', '2']);
    expect(ids([...rows].sort(compareRows({ sort: 'agent', direction: 'desc' }, now)))).toEqual(['4', '1', '3', '2']);
    // The longest handled first: accepted earliest; a row not accepted has no handle time.
    rows[1] = { ...rows[1]!, acceptedAt: null };
    expect(ids([...rows].sort(compareRows({ sort: 'handle', direction: 'desc' }, now)))).toEqual(['4', '3', '1', '2']);
    expect(ids([...rows].sort(compareRows({ sort: 'newest', direction: 'desc' }, now)))).toEqual(['1', '2', '3', '4']);
  });
});
