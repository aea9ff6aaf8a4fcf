import type { AgentHome } from '@switchboard/protocol';
import { cleanup, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../test/render';
import { HomeView } from './home-view';

const api = vi.hoisted(() => ({ call: vi.fn() }));
vi.mock('../api/api', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../api/api')>()),
  call: api.call,
}));

const home: AgentHome = {
  presence: 'busy',
  presenceName: null,
  capacity: { used: 2, total: 3 },
  sessions: { held: 2, limit: 4 },
  profiles: [{ id: '00000000-0000-4000-8000-000000000001', name: 'Voice', used: 1, limit: 1, blocksAssignment: true }],
  ongoing: 2,
  today: {
    since: '2026-12-03T00:00:00.000Z',
    offered: 7,
    accepted: 5,
    missed: 2,
    closed: 4,
    averageHandleSeconds: 754,
  },
};

const text = (id: string) => screen.getByTestId(id).textContent;

describe('the home view (AG10)', () => {
  beforeEach(() => {
    api.call.mockReset();
  });
  afterEach(cleanup);

  it("shows my presence, what I hold and my day's counts, for the day since local midnight", async () => {
    api.call.mockResolvedValue(home);
    renderWithProviders(<HomeView />);
    await waitFor(() => expect(screen.getByTestId('home-offered')).toBeTruthy());
    const now = new Date();
    const midnight = new Date(now.getFullYear(), now.getMonth(), now.getDate()).toISOString();
    expect(api.call).toHaveBeenCalledWith('myHome', { query: { since: midnight } });
    expect(text('home-presence')).toBe('PresenceBusy');
    expect(text('home-capacity')).toContain('2 of 3');
    expect(text('home-sessions')).toBe('Sessions2 of 4');
    expect(text('home-ongoing')).toBe('Ongoing work2');
    expect(screen.getByTestId('home-profile').textContent).toContain('Voice1 of 1');
    expect(text('home-offered')).toBe('Offered7');
    expect(text('home-accepted')).toBe('Accepted5');
    expect(text('home-missed')).toBe('Rejected or missed2');
    expect(text('home-closed')).toBe('Closed4');
    expect(text('home-handle')).toBe('Average handling time12:34');
  });

  it('names a custom presence, says when there is no session limit and no handling time yet', async () => {
    api.call.mockResolvedValue({
      ...home,
      presence: 'away',
      presenceName: 'Lunch',
      sessions: { held: 0, limit: null },
      profiles: [],
      today: { ...home.today, closed: 0, averageHandleSeconds: null },
    });
    renderWithProviders(<HomeView />);
    await waitFor(() => expect(screen.getByTestId('home-presence').textContent).toBe('PresenceLunch'));
    expect(text('home-sessions')).toBe('Sessions0 (no limit)');
    expect(text('home-handle')).toBe('Average handling time–');
    expect(screen.queryByTestId('home-profile')).toBeNull();
  });

  it('says so when the day cannot be read', async () => {
    api.call.mockImplementation(async () => {
      throw new Error('down');
    });
    renderWithProviders(<HomeView />);
    await waitFor(() => expect(screen.getByTestId('home-view').textContent).toContain('Could not load your day.'));
  });
});
