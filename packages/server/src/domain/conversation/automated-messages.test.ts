import { describe, expect, it } from 'vitest';
import { unknownPlaceholders } from '@switchboard/protocol';
import {
  arrivalTrigger,
  automatedText,
  BUILT_IN_TEXTS,
  languageOf,
  ON_FOR_NEW_ORGANISATIONS,
} from './automated-messages.js';

describe('automated messages (CH6)', () => {
  it('say nothing unless turned on', () => {
    expect(automatedText(undefined, 'queued', 'en')).toBeNull();
    expect(automatedText({ enabled: false, bodies: { en: 'Hi' } }, 'queued', 'en')).toBeNull();
  });

  it.each([
    ['nl-BE', { nl: 'Even geduld' }, 'Even geduld'],
    ['fr', { nl: 'Even geduld' }, BUILT_IN_TEXTS.queued.fr],
    ['de-DE', { en: 'Hold on' }, 'Hold on'],
    [null, {}, BUILT_IN_TEXTS.queued.en],
  ] as const)('in the customer’s language %s: the admin’s text, else the built-in one', (locale, bodies, text) => {
    expect(automatedText({ enabled: true, bodies }, 'queued', locale)).toBe(text);
  });

  it('read a locale as one of the three languages, English when it is none of them', () => {
    expect([languageOf('NL'), languageOf('fr-CA'), languageOf('de'), languageOf(undefined)]).toEqual([
      'nl',
      'fr',
      'en',
      'en',
    ]);
  });

  it.each([
    [{ ended: true, transferred: false, queueClosed: true }, null],
    [{ ended: false, transferred: true, queueClosed: true }, 'outside-hours'],
    [{ ended: false, transferred: true, queueClosed: false }, 'transfer'],
    [{ ended: false, transferred: false, queueClosed: false }, 'queued'],
  ] as const)('tell a new conversation %o: %s', (arrival, trigger) => {
    expect(arrivalTrigger(arrival)).toBe(trigger);
  });

  it('built-in texts use only placeholders that are filled in, in every language', () => {
    for (const texts of Object.values(BUILT_IN_TEXTS))
      for (const text of Object.values(texts)) expect(unknownPlaceholders(text)).toEqual([]);
  });

  it('a new organisation tells SMS customers every event, chat customers only what the widget does not', () => {
    const on = (channel: string) =>
      ON_FOR_NEW_ORGANISATIONS.filter((k) => k.channel === channel)
        .map((k) => k.trigger)
        .sort();
    expect(on('sms')).toEqual(['agent-ended', 'assigned', 'outside-hours', 'queued', 'transfer']);
    expect(on('webchat')).toEqual(['outside-hours', 'transfer']);
  });
});
