import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '../i18n';
import { useAuth } from '../state/auth-store';
import { alice } from '../test/outbound-fixtures';
import { QUICK_REPLIES } from '../test/quick-reply-fixtures';
import { renderWithProviders } from '../test/render';
import { bindTestWorkspace } from '../test/workspace-fixtures';
import { Composer } from './composer';

const api = vi.hoisted(() => ({ call: vi.fn() }));
vi.mock('../api/api', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../api/api')>()),
  call: api.call,
}));

const ID = '00000000-0000-4000-8000-0000000000c1';
const active = {
  state: 'active' as const,
  acceptedAt: '2025-01-01T10:00:00.000Z',
  callbackId: null as string | null,
  customerName: 'Eve',
  queueName: 'Support' as string | null,
};

beforeEach(() => {
  api.call.mockReset();
  api.call.mockImplementation(async (name: string) => {
    if (name === 'listQuickReplies') return QUICK_REPLIES;
    throw new Error(`unexpected call ${name}`);
  });
  useAuth.getState().signIn('token', alice);
  workspace = bindTestWorkspace();
});
let workspace: ReturnType<typeof bindTestWorkspace>;
afterEach(() => {
  workspace.unbind();
  cleanup();
  useAuth.getState().signOut();
});

function setup(summary: typeof active | (Omit<typeof active, 'state'> & { state: 'wrap-up' | 'closed' }), id = ID) {
  const services = { send: vi.fn(), emitTyping: vi.fn() };
  renderWithProviders(<Composer conversationId={id} summary={summary} />, services);
  const input = screen.getByTestId('composer-input') as HTMLTextAreaElement;
  const toggle = screen.getByTestId('composer-note-toggle') as HTMLInputElement;
  return { services, input, toggle };
}

describe('Composer', () => {
  it('on a callback work item (AG11) writes notes only, and says why', () => {
    const { services, input, toggle } = setup({ ...active, callbackId: '00000000-0000-4000-8000-0000000000cb' });
    expect(toggle.checked).toBe(true);
    expect(toggle.disabled).toBe(true);
    expect(screen.getByText(/A callback has no chat/)).toBeTruthy();
    fireEvent.change(input, { target: { value: 'Called, left a voicemail' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(services.send).toHaveBeenCalledWith({
      conversationId: ID,
      text: 'Called, left a voicemail',
      internal: true,
    });
  });

  it('sends on Enter, keeps Shift+Enter for a new line, and says typing then stopped', () => {
    const { services, input } = setup(active, `${ID}-a`);
    fireEvent.change(input, { target: { value: 'Hello Eve' } });
    expect(services.emitTyping).toHaveBeenLastCalledWith(`${ID}-a`, true);
    fireEvent.keyDown(input, { key: 'Enter', shiftKey: true });
    expect(services.send).not.toHaveBeenCalled();
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(services.send).toHaveBeenCalledWith({ conversationId: `${ID}-a`, text: 'Hello Eve', internal: false });
    expect(services.emitTyping).toHaveBeenLastCalledWith(`${ID}-a`, false);
    expect(input.value).toBe('');
  });

  it('sends an internal note when the switch is on, without telling the customer it is typing', () => {
    const { services, input, toggle } = setup(active, `${ID}-b`);
    act(() => void fireEvent.click(toggle));
    expect(toggle.checked).toBe(true);
    fireEvent.change(input, { target: { value: 'Known fuser issue' } });
    fireEvent.click(screen.getByTestId('composer-send'));
    expect(services.send).toHaveBeenCalledWith({
      conversationId: `${ID}-b`,
      text: 'Known fuser issue',
      internal: true,
    });
    expect(services.emitTyping).not.toHaveBeenCalledWith(`${ID}-b`, true);
  });

  it('in wrap-up blocks customer messages but allows notes', () => {
    const { services, input, toggle } = setup({ ...active, state: 'wrap-up' }, `${ID}-c`);
    expect(input.disabled).toBe(true);
    expect((screen.getByTestId('composer-send') as HTMLButtonElement).disabled).toBe(true);
    act(() => void fireEvent.click(toggle));
    expect(input.disabled).toBe(false);
    fireEvent.change(input, { target: { value: 'Wrap-up note' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(services.send).toHaveBeenCalledWith({ conversationId: `${ID}-c`, text: 'Wrap-up note', internal: true });
  });

  it('when closed allows nothing', () => {
    const { input, toggle } = setup({ ...active, state: 'closed' }, `${ID}-d`);
    expect(input.disabled).toBe(true);
    expect(toggle.disabled).toBe(true);
  });
});

describe('Composer quick replies (AG4)', () => {
  const options = () => screen.queryAllByTestId('quick-reply-option').map((o) => o.getAttribute('data-title'));
  const highlighted = () =>
    screen
      .getAllByTestId('quick-reply-option')
      .find((o) => o.getAttribute('aria-selected') === 'true')
      ?.getAttribute('data-title');
  const type = (input: HTMLTextAreaElement, value: string) => fireEvent.change(input, { target: { value } });

  it('lists them on "/", narrows by title, moves with the arrows and puts the one picked in, filled in', async () => {
    const { services, input } = setup(active, `${ID}-q1`);
    type(input, '/');
    await waitFor(() => expect(options()).toEqual(['Greeting', 'Order number', 'Réponse rapide', 'Thanks']));
    expect(input.getAttribute('aria-activedescendant')).toBe(screen.getAllByTestId('quick-reply-option')[0]!.id);
    type(input, 'Hi! /r');
    expect(options()).toEqual(['Réponse rapide', 'Greeting', 'Order number']);
    expect(highlighted()).toBe('Réponse rapide');
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    expect(highlighted()).toBe('Order number');
    fireEvent.keyDown(input, { key: 'ArrowUp' });
    expect(highlighted()).toBe('Greeting');
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(input.value).toBe('Hi! Hello Eve, this is Alice Martin of Support.');
    expect(services.send).not.toHaveBeenCalled();
    expect(screen.queryByTestId('quick-reply-menu')).toBeNull();
    expect(input.selectionStart).toBe(input.value.length);
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(services.send).toHaveBeenCalledWith({
      conversationId: `${ID}-q1`,
      text: 'Hi! Hello Eve, this is Alice Martin of Support.',
      internal: false,
    });
  });

  it("says it in the agent's language, else English; an unknown queue stays as a placeholder", async () => {
    const { input } = setup({ ...active, queueName: null }, `${ID}-q2`);
    await act(async () => void (await i18n.changeLanguage('nl')));
    type(input, '/gre');
    await waitFor(() => expect(options()).toEqual(['Greeting']));
    fireEvent.click(screen.getByTestId('quick-reply-option'));
    expect(input.value).toBe('Hallo Eve, met Alice Martin van {queue}.');
    type(input, `${input.value} /order`);
    await waitFor(() => expect(options()).toEqual(['Order number']));
    fireEvent.keyDown(input, { key: 'Tab' });
    expect(input.value).toBe('Hallo Eve, met Alice Martin van {queue}. Could you give me your order number?');
  });

  it('closes on Escape, so Enter sends what was typed; a slash inside a word opens nothing', async () => {
    const { services, input } = setup(active, `${ID}-q3`);
    type(input, 'and/or');
    type(input, 'and/');
    await waitFor(() => expect(api.call).toHaveBeenCalledWith('listQuickReplies'));
    expect(screen.queryByTestId('quick-reply-menu')).toBeNull();
    type(input, '/thanks');
    await waitFor(() => expect(options()).toEqual(['Thanks']));
    fireEvent.keyDown(input, { key: 'Escape' });
    expect(screen.queryByTestId('quick-reply-menu')).toBeNull();
    type(input, '/thanks!');
    expect(screen.queryByTestId('quick-reply-menu')).toBeNull();
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(services.send).toHaveBeenCalledWith({ conversationId: `${ID}-q3`, text: '/thanks!', internal: false });
  });
});
