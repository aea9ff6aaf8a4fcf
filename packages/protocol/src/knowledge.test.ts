import { describe, expect, it } from 'vitest';
import { articleLinkMessage, articleTextMessage, cutToLimit, messageLimitFor } from './knowledge.js';

describe('an article as a message (AG9)', () => {
  it('sends the title and the public page as a link', () => {
    expect(articleLinkMessage({ title: 'Invoices', url: 'https://x.example/kb/1' })).toBe(
      'Invoices\nhttps://x.example/kb/1',
    );
  });

  it('keeps a text that fits as it is', () => {
    expect(articleTextMessage({ title: 'Invoices', body: 'Under Billing.' }, 'sms')).toBe('Invoices\n\nUnder Billing.');
  });

  it('cuts a long text at a word to what an SMS carries, ending in an ellipsis', () => {
    const body = 'word '.repeat(1000);
    const text = articleTextMessage({ title: 'Long', body }, 'sms');
    expect(text.length).toBeLessThanOrEqual(messageLimitFor('sms').chars);
    expect(text.length).toBeGreaterThan(1500);
    expect(text).toMatch(/word…$/);
  });

  it('counts bytes too, and never splits a character in two', () => {
    const text = cutToLimit('😀'.repeat(100), { chars: 1000, bytes: 41 });
    expect(new TextEncoder().encode(text).length).toBeLessThanOrEqual(41);
    expect(text).toBe(`${'😀'.repeat(9)}…`);
    expect(cutToLimit('é'.repeat(50), { chars: 10, bytes: 100 })).toBe(`${'é'.repeat(9)}…`);
  });
});
