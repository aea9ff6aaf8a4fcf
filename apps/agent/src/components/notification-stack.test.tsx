import type { Notification } from '@switchboard/protocol';
import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { titleWithCount } from '../lib/notification-title';
import { useNotificationSound, useNotifications } from '../state/notifications-store';
import { renderWithProviders } from '../test/render';
import { NotificationStack } from './notification-stack';

const T0 = Date.parse('2025-01-01T10:00:00.000Z');
const titles = { en: 'Incoming chat', nl: 'Inkomende chat', fr: 'Chat entrant' };

function note(n: number, overrides: Partial<Notification> = {}, payload: Partial<Notification['payload']> = {}) {
  const id = `00000000-0000-4000-8000-00000000000${n}`;
  return {
    id,
    scenario: 'incoming-chat',
    kind: 'alert',
    conversationId: `00000000-0000-4000-9000-00000000000${n}`,
    subject: { type: 'offer', id },
    createdAt: new Date(T0).toISOString(),
    expiresAt: new Date(T0 + 30_000).toISOString(),
    payload: {
      customerName: `Customer ${n}`,
      firstMessage: `Question ${n}`,
      waitingSince: new Date(T0 - 95_000).toISOString(),
      queueName: 'Support',
      channel: 'webchat',
      note: null,
      fromName: null,
      titles,
      fields: ['customerName', 'firstMessage', 'waitTime', 'queue'],
      theme: 'light',
      ...payload,
    },
    ...overrides,
  } satisfies Notification;
}
const toast = (n: number, overrides: Partial<Notification> = {}) =>
  note(n, {
    kind: 'toast',
    scenario: 'assigned',
    subject: null,
    expiresAt: new Date(T0 + 8000).toISOString(),
    ...overrides,
  });

describe('NotificationStack (AG2)', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'] });
    vi.setSystemTime(T0);
    useNotifications.getState().clear();
    document.title = 'Switchboard';
  });
  afterEach(() => {
    cleanup();
    vi.useRealTimers();
    useNotifications.getState().clear();
  });

  it('shows every waiting notification at once, with its template fields, and counts them in the title', () => {
    act(() => {
      useNotifications.getState().add(note(1));
      useNotifications.getState().add(toast(2, { createdAt: new Date(T0 + 1).toISOString() }));
    });
    renderWithProviders(<NotificationStack />);
    const cards = screen.getAllByTestId('notification');
    expect(cards.map((c) => c.dataset.kind)).toEqual(['alert', 'toast']);
    expect(screen.getAllByTestId('notification-customerName').map((e) => e.textContent)).toEqual([
      'Customer 1',
      'Customer 2',
    ]);
    expect(screen.getAllByTestId('notification-waitTime')[0]!.textContent).toBe('1:35');
    expect(screen.getAllByTestId('notification-countdown')[0]!.textContent).toBe('Answer within 30 seconds');
    expect(screen.queryAllByTestId('notification-channel')).toEqual([]);
    expect(document.title).toBe('(2) Switchboard');
  });

  it('shows only the fields and the theme its template chose', () => {
    act(() => useNotifications.getState().add(note(1, {}, { fields: ['channel'], theme: 'dark' })));
    renderWithProviders(<NotificationStack />);
    expect(screen.getByTestId('notification').dataset.theme).toBe('dark');
    expect(screen.getByTestId('notification-channel').textContent).toBe('Web chat');
    expect(screen.queryByTestId('notification-customerName')).toBeNull();
    expect(screen.queryByTestId('notification-firstMessage')).toBeNull();
  });

  it('answers an alert with accept or reject and a toast with open or dismiss, through the one service', async () => {
    const answerNotification = vi.fn(async () => {});
    act(() => {
      useNotifications.getState().add(note(1));
      useNotifications.getState().add(toast(2, { createdAt: new Date(T0 + 1).toISOString() }));
    });
    renderWithProviders(<NotificationStack />, { answerNotification });
    await act(async () => fireEvent.click(screen.getByTestId('notification-accept')));
    await act(async () => fireEvent.click(screen.getByTestId('notification-reject')));
    await act(async () => fireEvent.click(screen.getByTestId('notification-open')));
    await act(async () => fireEvent.click(screen.getByTestId('notification-dismiss')));
    expect(answerNotification.mock.calls.map(([n, a]: unknown[]) => [(n as Notification).id, a])).toEqual([
      [note(1).id, 'accept'],
      [note(1).id, 'reject'],
      [toast(2).id, 'open'],
      [toast(2).id, 'dismiss'],
    ]);
  });

  it('a toast goes by itself after its time; an alert counts down by the server clock and goes at zero', () => {
    // The browser is 5 minutes ahead of the server: its own clock would have dropped both already.
    vi.setSystemTime(T0 + 5 * 60_000);
    act(() => {
      useNotifications.getState().add(note(1));
      useNotifications.getState().add(toast(2, { createdAt: new Date(T0).toISOString() }));
    });
    renderWithProviders(<NotificationStack />);
    expect(screen.getAllByTestId('notification')).toHaveLength(2);
    act(() => void vi.advanceTimersByTime(8_000));
    expect(screen.getAllByTestId('notification').map((c) => c.dataset.kind)).toEqual(['alert']);
    expect(screen.getByTestId('notification-countdown').textContent).toBe('Answer within 22 seconds');
    expect(document.title).toBe('(1) Switchboard');
    act(() => void vi.advanceTimersByTime(22_000));
    expect(screen.queryByTestId('notification')).toBeNull();
    expect(document.title).toBe('Switchboard');
  });

  it('disappears when any tab answers it (notification:closed)', () => {
    act(() => useNotifications.getState().add(note(1)));
    renderWithProviders(<NotificationStack />);
    act(() => useNotifications.getState().remove(note(1).id));
    expect(screen.queryByTestId('notification')).toBeNull();
  });

  it('chimes once per new notification unless muted, and the mute is remembered in this browser', () => {
    const oscillators: string[] = [];
    class FakeAudio {
      currentTime = 0;
      destination = {};
      createOscillator() {
        oscillators.push('osc');
        return { type: '', frequency: { value: 0 }, connect: (x: unknown) => x, start() {}, stop() {} };
      }
      createGain() {
        const g = { setValueAtTime() {}, exponentialRampToValueAtTime() {} };
        return { gain: g, connect: (x: unknown) => x };
      }
    }
    vi.stubGlobal('AudioContext', FakeAudio);
    act(() => useNotificationSound.getState().setMuted(false));
    act(() => useNotifications.getState().add(note(1)));
    renderWithProviders(<NotificationStack />);
    expect(oscillators).toHaveLength(2);
    act(() => useNotificationSound.getState().setMuted(true));
    expect(window.localStorage.getItem('switchboard.notifications.muted')).toBe('1');
    act(() => useNotifications.getState().add(note(2, { createdAt: new Date(T0 + 1).toISOString() })));
    expect(oscillators).toHaveLength(2);
    act(() => useNotificationSound.getState().setMuted(false));
    vi.unstubAllGlobals();
  });
});

describe('NotificationStack while the tab is hidden', () => {
  afterEach(() => {
    cleanup();
    useNotifications.getState().clear();
    vi.unstubAllGlobals();
  });

  it("shows the browser's notification only while hidden and with permission; clicking a toast opens it", async () => {
    const shown: { title: string; body: string; onclick?: () => void }[] = [];
    class FakeNotification {
      static permission = 'granted';
      onclick?: () => void;
      constructor(title: string, opts: { body: string }) {
        shown.push(Object.assign(this, { title, body: opts.body }));
      }
      close() {}
    }
    vi.stubGlobal('Notification', FakeNotification);
    const hidden = vi.spyOn(document, 'hidden', 'get');
    const answerNotification = vi.fn(async () => {});
    hidden.mockReturnValue(false);
    renderWithProviders(<NotificationStack />, { answerNotification });
    act(() => useNotifications.getState().add(note(1)));
    expect(shown).toEqual([]);
    hidden.mockReturnValue(true);
    act(() => useNotifications.getState().add(toast(2)));
    expect(shown.map((n) => [n.title, n.body])).toEqual([['Incoming chat', 'Customer 2: Question 2']]);
    await act(async () => shown[0]!.onclick!());
    expect(answerNotification).toHaveBeenCalledWith(expect.objectContaining({ id: toast(2).id }), 'open');
    hidden.mockRestore();
  });
});

describe('titleWithCount', () => {
  it.each([
    ['Switchboard', 0, 'Switchboard'],
    ['Switchboard', 3, '(3) Switchboard'],
    ['(3) Switchboard', 1, '(1) Switchboard'],
    ['(3) Switchboard', 0, 'Switchboard'],
  ])('%s with %i is %s', (base, count, expected) => expect(titleWithCount(base, count)).toBe(expected));
});
