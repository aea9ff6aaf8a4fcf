import { describe, expect, it } from 'vitest';
import { GREETING, MY_THANKS, ORDER, QUICK_REPLIES, REPONSE } from '../test/quick-reply-fixtures';
import { applyQuickReply, bodyIn, matchQuickReplies, slashQuery } from './quick-replies';

describe('the / search of quick replies (AG4)', () => {
  it('starts at a slash at the start of the text or after white space, up to the caret', () => {
    expect(slashQuery('/gre', 4)).toEqual({ start: 0, end: 4, query: 'gre' });
    expect(slashQuery('Sure. /ord', 10)).toEqual({ start: 6, end: 10, query: 'ord' });
    expect(slashQuery('Line one\n/', 10)).toEqual({ start: 9, end: 10, query: '' });
    // A title with a space in it is still one search; the caret ends it.
    expect(slashQuery('/order num and more', 10)).toEqual({ start: 0, end: 10, query: 'order num' });
  });

  it('opens nothing for a slash inside a word, a slash then a space, or a search across lines', () => {
    expect(slashQuery('and/or', 6)).toBeNull();
    expect(slashQuery('see https://x.example/a', 23)).toBeNull();
    expect(slashQuery('a / b', 5)).toBeNull();
    expect(slashQuery('/greet\nmore', 11)).toBeNull();
    expect(slashQuery('no slash', 8)).toBeNull();
    expect(slashQuery(`/${'x'.repeat(81)}`, 82)).toBeNull();
  });

  it('matches titles whatever the case and accents, those that start with the search first', () => {
    expect(matchQuickReplies(QUICK_REPLIES, '')).toEqual(QUICK_REPLIES);
    expect(matchQuickReplies(QUICK_REPLIES, 'REPONSE')).toEqual([REPONSE]);
    expect(matchQuickReplies(QUICK_REPLIES, 'r')).toEqual([REPONSE, GREETING, ORDER]);
    expect(matchQuickReplies(QUICK_REPLIES, 'th')).toEqual([MY_THANKS]);
    expect(matchQuickReplies(QUICK_REPLIES, 'zzz')).toEqual([]);
  });

  it("takes the text in the agent's language, else English, else any", () => {
    expect(bodyIn(GREETING, 'nl')).toBe(GREETING.bodies.nl);
    expect(bodyIn(MY_THANKS, 'fr')).toBe(MY_THANKS.bodies.en);
    expect(bodyIn(REPONSE, 'nl')).toBe(REPONSE.bodies.fr);
  });

  it('puts the reply in place of the /search, placeholders filled, and the caret after it', () => {
    const text = 'Hi! /gre and more';
    const at = slashQuery(text, 8)!;
    const values = { customerName: 'Emma', agentName: 'Alice Martin', queue: 'Support' };
    expect(applyQuickReply(text, at, GREETING, 'fr', values)).toEqual({
      text: 'Hi! Bonjour Emma, ici Alice Martin du service Support. and more',
      cursor: 'Hi! Bonjour Emma, ici Alice Martin du service Support.'.length,
    });
    // A queue not known: its placeholder stays for the agent to fill in.
    expect(applyQuickReply('/g', slashQuery('/g', 2)!, GREETING, 'en', { ...values, queue: undefined }).text).toBe(
      'Hello Emma, this is Alice Martin of {queue}.',
    );
  });
});
