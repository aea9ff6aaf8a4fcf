import { act, fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../test/render';
import { Composer } from './composer';

const ID = '00000000-0000-4000-8000-0000000000c1';
const active = { state: 'active' as const, acceptedAt: '2025-01-01T10:00:00.000Z', customerName: 'Eve' };

function setup(
  summary: { state: 'active' | 'wrap-up' | 'closed'; acceptedAt: string | null; customerName: string },
  id = ID,
) {
  const services = { send: vi.fn(), emitTyping: vi.fn() };
  renderWithProviders(<Composer conversationId={id} summary={summary} />, services);
  const input = screen.getByTestId('composer-input') as HTMLTextAreaElement;
  const toggle = screen.getByTestId('composer-note-toggle') as HTMLInputElement;
  return { services, input, toggle };
}

describe('Composer', () => {
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
