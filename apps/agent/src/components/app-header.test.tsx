import type { CustomPresence, StaffUser } from '@switchboard/protocol';
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiCallError } from '../api/api';
import { useAuth } from '../state/auth-store';
import { usePresenceChoice } from '../state/presence-choice-store';
import { renderWithProviders } from '../test/render';
import { AppHeader } from './app-header';

const api = vi.hoisted(() => ({ call: vi.fn() }));
vi.mock('../api/api', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../api/api')>()),
  call: api.call,
}));

const training: CustomPresence = { id: '00000000-0000-4000-8000-0000000000e1', name: 'In training', base: 'away' };
const ready: CustomPresence = {
  id: '00000000-0000-4000-8000-0000000000e2',
  name: 'Ready for chats',
  base: 'available',
};

const alice: StaffUser = {
  id: '00000000-0000-4000-8000-0000000000a1',
  orgId: '00000000-0000-4000-8000-0000000000f1',
  orgName: 'Contoso',
  email: 'alice@contoso.example',
  name: 'Alice',
  role: 'agent',
  presence: 'available',
  capacity: 3,
  usedCapacity: 0,
};

/** The server: custom presences to offer, and setPresence answering with the base presence. */
function server(customs: CustomPresence[] = [training, ready]) {
  api.call.mockImplementation(async (name: string, input?: { body?: { presence: string } }) => {
    if (name === 'presenceOptions') return { presences: customs };
    if (name === 'setPresence') {
      const value = input!.body!.presence;
      return { ...useAuth.getState().user!, presence: customs.find((c) => c.id === value)?.base ?? value };
    }
    throw new Error(`unexpected call ${name}`);
  });
}

const select = () => screen.getByTestId('presence-select') as HTMLSelectElement;
const selectedLabel = () => select().selectedOptions[0]?.textContent;
/** The `presence` socket event: the workspace writes the effective base presence into the user. */
const presenceEvent = (presence: StaffUser['presence']) =>
  act(() => useAuth.getState().setUser({ ...useAuth.getState().user!, presence }));

async function renderHeader() {
  renderWithProviders(<AppHeader />);
  await waitFor(() => expect(screen.getByText('In training (Away)')).toBeTruthy());
}

describe('AppHeader presence select (AG1)', () => {
  beforeEach(() => {
    api.call.mockReset();
    server();
    useAuth.getState().signIn('token', alice);
  });
  afterEach(() => {
    cleanup();
    useAuth.getState().signOut();
  });

  it('offers the five base presences, then the custom ones labelled with their base', async () => {
    await renderHeader();
    const values = Array.from(select().options).map((o) => [o.value, o.textContent]);
    expect(values).toEqual([
      ['available', 'Available'],
      ['busy', 'Busy'],
      ['busy-dnd', 'Do not disturb'],
      ['away', 'Away'],
      ['offline', 'Offline'],
      [training.id, 'In training (Away)'],
      [ready.id, 'Ready for chats (Available)'],
    ]);
    expect(select().value).toBe('available');
  });

  it('sends a custom presence by id and shows its name while routing uses the base', async () => {
    await renderHeader();
    await act(async () => void fireEvent.change(select(), { target: { value: training.id } }));
    expect(api.call).toHaveBeenCalledWith('setPresence', { body: { presence: training.id } });
    expect(useAuth.getState().user?.presence).toBe('away');
    expect(select().value).toBe(training.id);
    expect(selectedLabel()).toBe('In training (Away)');
    expect(select().dataset.presence).toBe('away');
    // Idling reports away again: same base, the chosen name stays.
    presenceEvent('away');
    expect(select().value).toBe(training.id);
    // A disconnect shows offline; the quick return restores the manual presence, and its name.
    presenceEvent('offline');
    expect(select().value).toBe('offline');
    presenceEvent('away');
    expect(select().value).toBe(training.id);
  });

  it('shows the base presence once the server reports another base, and does not bring the custom one back', async () => {
    await renderHeader();
    await act(async () => void fireEvent.change(select(), { target: { value: ready.id } }));
    expect(select().value).toBe(ready.id);
    presenceEvent('busy'); // accepted a conversation
    expect(select().value).toBe('busy');
    expect(usePresenceChoice.getState().chosen).toBeNull();
    presenceEvent('available'); // closed it: computed available, not the manual "Ready for chats"
    expect(select().value).toBe('available');
    expect(selectedLabel()).toBe('Available');
  });

  it('sends a base presence as is and leaves the custom choice', async () => {
    await renderHeader();
    await act(async () => void fireEvent.change(select(), { target: { value: training.id } }));
    await act(async () => void fireEvent.change(select(), { target: { value: 'away' } }));
    expect(api.call).toHaveBeenLastCalledWith('setPresence', { body: { presence: 'away' } });
    expect(select().value).toBe('away');
    expect(usePresenceChoice.getState().chosen).toBeNull();
  });

  it('goes back to the previous choice when the server refuses', async () => {
    await renderHeader();
    await act(async () => void fireEvent.change(select(), { target: { value: training.id } }));
    api.call.mockImplementation(async (name: string) => {
      if (name === 'presenceOptions') return { presences: [training, ready] };
      throw new ApiCallError(404, { message: 'presence not found' });
    });
    await act(async () => void fireEvent.change(select(), { target: { value: 'busy-dnd' } }));
    expect(useAuth.getState().user?.presence).toBe('away');
    expect(select().value).toBe(training.id);
  });

  it('remembers the choice across a reload and forgets it on sign-out', async () => {
    await renderHeader();
    await act(async () => void fireEvent.change(select(), { target: { value: training.id } }));
    cleanup();
    usePresenceChoice.setState({ ownerId: null, chosen: null });
    act(() => useAuth.getState().signIn('token', { ...alice, presence: 'away' })); // a new page: the store loads again
    await renderHeader();
    expect(select().value).toBe(training.id);
    act(() => useAuth.getState().signOut());
    act(() => useAuth.getState().signIn('token', { ...alice, presence: 'away' }));
    expect(usePresenceChoice.getState().chosen).toBeNull();
  });

  it('still offers the base presences when custom presences cannot be loaded', async () => {
    api.call.mockImplementation(async (name: string) => {
      if (name === 'presenceOptions') throw new ApiCallError(500, { message: 'boom' });
      return { ...useAuth.getState().user!, presence: 'busy-dnd' };
    });
    renderWithProviders(<AppHeader />);
    await waitFor(() => expect(api.call).toHaveBeenCalledWith('presenceOptions'));
    expect(Array.from(select().options).map((o) => o.value)).toEqual([
      'available',
      'busy',
      'busy-dnd',
      'away',
      'offline',
    ]);
    await act(async () => void fireEvent.change(select(), { target: { value: 'busy-dnd' } }));
    expect(select().value).toBe('busy-dnd');
  });
});
