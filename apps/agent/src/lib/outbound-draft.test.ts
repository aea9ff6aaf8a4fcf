import type { MessageTemplate, OutboundChannel } from '@switchboard/protocol';
import { describe, expect, it } from 'vitest';
import { blankOutbound, languagesOf, resolveDraft, toOutboundJob } from './outbound-draft';

const CHANNEL: OutboundChannel = { id: 'c1', name: 'Support SMS', provider: 'twilio', numbers: ['+15005550006'] };
const OTHER: OutboundChannel = { ...CHANNEL, id: 'c2', name: 'Sales SMS' };
const template = (bodies: Record<string, string>): MessageTemplate => ({
  id: 't1',
  name: 'Welcome',
  bodies: bodies as MessageTemplate['bodies'],
  updatedAt: '2026-03-01T09:00:00.000Z',
});

describe('languagesOf', () => {
  it('lists the languages a template has text in, in the protocol’s order', () => {
    expect(languagesOf(template({ fr: 'Bonjour', en: 'Hi', nl: '  ' }))).toEqual(['en', 'fr']);
    expect(languagesOf(undefined)).toEqual([]);
  });
});

describe('resolveDraft', () => {
  const nlFr = template({ nl: 'Hallo', fr: 'Bonjour' });

  it('keeps the language chosen when the template has it', () => {
    expect(resolveDraft({ ...blankOutbound(), language: 'fr' }, [], nlFr, 'nl').language).toBe('fr');
  });

  it('falls back on the agent’s own language, then on the template’s first', () => {
    expect(resolveDraft({ ...blankOutbound(), language: 'en' }, [], nlFr, 'fr').language).toBe('fr');
    expect(resolveDraft({ ...blankOutbound(), language: 'en' }, [], nlFr, 'en').language).toBe('nl');
    expect(resolveDraft(blankOutbound(), [], undefined, 'en').language).toBe('');
  });

  it('chooses the channel when there is only one', () => {
    expect(resolveDraft(blankOutbound(), [CHANNEL], undefined, 'en').channelId).toBe('c1');
    expect(resolveDraft(blankOutbound(), [CHANNEL, OTHER], undefined, 'en').channelId).toBe('');
    expect(resolveDraft({ ...blankOutbound(), channelId: 'c2' }, [CHANNEL, OTHER], undefined, 'en').channelId).toBe(
      'c2',
    );
  });
});

describe('toOutboundJob', () => {
  const ready = { ...blankOutbound(), channelId: 'c1', templateId: 't1', language: 'nl' as const };

  it('sends the numbers typed, each once', () => {
    expect(toOutboundJob({ ...ready, numbers: '+31612345678, +31687654321\n+31612345678' })).toEqual({
      channelId: 'c1',
      templateId: 't1',
      language: 'nl',
      recipients: { kind: 'numbers', numbers: ['+31612345678', '+31687654321'] },
    });
  });

  it('sends a contact search, trimmed, and ignores the numbers then', () => {
    expect(toOutboundJob({ ...ready, kind: 'contacts', search: ' Utrecht ', numbers: '+31612345678' })).toEqual({
      channelId: 'c1',
      templateId: 't1',
      language: 'nl',
      recipients: { kind: 'contacts', search: 'Utrecht' },
    });
  });

  it('is null while a channel, template, language or recipient is missing', () => {
    const numbers = '+31612345678';
    expect(toOutboundJob({ ...ready, numbers: ' , ' })).toBeNull();
    expect(toOutboundJob({ ...ready, kind: 'contacts', search: '  ' })).toBeNull();
    expect(toOutboundJob({ ...ready, numbers, channelId: '' })).toBeNull();
    expect(toOutboundJob({ ...ready, numbers, templateId: '' })).toBeNull();
    expect(toOutboundJob({ ...ready, numbers, language: '' })).toBeNull();
  });
});
