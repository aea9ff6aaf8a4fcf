import type { CustomPresence } from '@switchboard/protocol';
import { describe, expect, it } from 'vitest';
import { keepChoice, presenceSelectValue, resolveChoice } from './presence-choice';

const training: CustomPresence = { id: '00000000-0000-4000-8000-0000000000e1', name: 'In training', base: 'away' };
const lunch: CustomPresence = { id: '00000000-0000-4000-8000-0000000000e2', name: 'Lunch', base: 'offline' };
const options = [training, lunch];

describe('presence choice', () => {
  it('resolves a base presence, a custom id to its base, and nothing for an unknown id', () => {
    expect(resolveChoice('busy-dnd', options)).toEqual({ presence: 'busy-dnd', custom: null });
    expect(resolveChoice(training.id, options)).toEqual({ presence: 'away', custom: { id: training.id, base: 'away' } });
    expect(resolveChoice('00000000-0000-4000-8000-0000000000ff', options)).toBeNull();
  });

  it('keeps a custom choice only while the base presence matches it', () => {
    const chosen = { id: training.id, base: 'away' as const };
    expect(keepChoice(chosen, 'away')).toBe(chosen);
    expect(keepChoice(chosen, 'busy')).toBeNull();
    // Disconnected (a reload): the server restores the manual presence on a quick return.
    expect(keepChoice(chosen, 'offline')).toBe(chosen);
    expect(keepChoice(chosen, null)).toBeNull();
    expect(keepChoice(null, 'away')).toBeNull();
  });

  it('shows the custom presence while it applies and is still offered, else the base', () => {
    const chosen = { id: training.id, base: 'away' as const };
    expect(presenceSelectValue('away', chosen, options)).toBe(training.id);
    expect(presenceSelectValue('busy', chosen, options)).toBe('busy');
    expect(presenceSelectValue('offline', chosen, options)).toBe('offline');
    expect(presenceSelectValue('away', chosen, [lunch])).toBe('away');
    expect(presenceSelectValue('away', chosen, [{ ...training, base: 'offline' }])).toBe('away');
    expect(presenceSelectValue('available', null, options)).toBe('available');
  });
});
