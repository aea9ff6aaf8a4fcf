import { describe, expect, it } from 'vitest';
import { QUICK_REPLY_PLACEHOLDERS } from './quick-replies.js';
import { renderTemplate, unknownPlaceholders } from './template-text.js';

const values = { customerName: 'Emma Janssen', agentName: 'Bob', orgName: 'Contoso', channelNumber: '+15005550006' };

describe('message templates (CH6)', () => {
  it('fills every known placeholder with a value, each time it occurs', () => {
    expect(
      renderTemplate('Hello {customerName}, {agentName} of {orgName} ({channelNumber}). {agentName}', values),
    ).toBe('Hello Emma Janssen, Bob of Contoso (+15005550006). Bob');
  });

  it('leaves no stray space where a value is empty', () => {
    expect(renderTemplate('Hello {customerName}, your order is ready.', { ...values, customerName: '' })).toBe(
      'Hello, your order is ready.',
    );
    expect(renderTemplate('{customerName} Bonjour !', { customerName: '' })).toBe('Bonjour !');
  });

  it('keeps the spaces the author wrote, as French puts them before ";", "?" and "!"', () => {
    expect(renderTemplate('Bonjour {customerName} ; ça va ?', values)).toBe('Bonjour Emma Janssen ; ça va ?');
  });

  it('leaves a placeholder without a value, unknown names, stray braces and prototype names as written', () => {
    const { customerName: _c, ...rest } = values;
    expect(renderTemplate('Hi {customerName}, {orderId} {orgName {} {{orgName}}', rest)).toBe(
      'Hi {customerName}, {orderId} {orgName {} {Contoso}',
    );
    expect(renderTemplate('{constructor} {hasOwnProperty}', rest)).toBe('{constructor} {hasOwnProperty}');
  });

  it('names the placeholders it cannot fill, once each', () => {
    expect(unknownPlaceholders('Hi {firstName} {customerName} {firstName} {orderId}')).toEqual([
      'firstName',
      'orderId',
    ]);
    expect(unknownPlaceholders('Hi {customerName}')).toEqual([]);
  });
});

describe('quick replies (AG4): the same renderer over their own placeholders', () => {
  const known = QUICK_REPLY_PLACEHOLDERS;

  it('fills {queue} beside the customer and agent names, and leaves the template-only ones as written', () => {
    const text = 'Hi {customerName}, {agentName} of {queue} here ({orgName}).';
    expect(
      renderTemplate(text, { customerName: 'Emma', agentName: 'Bob', queue: 'Support', orgName: 'X' }, known),
    ).toBe('Hi Emma, Bob of Support here ({orgName}).');
    // Without the list, the template placeholders apply: {queue} is not one of them.
    expect(renderTemplate('{queue} {orgName}', { queue: 'Support', orgName: 'Contoso' })).toBe('{queue} Contoso');
  });

  it('drops the space before an empty value, as templates do', () => {
    const text = 'Thanks {customerName}, {queue} will call you back.';
    expect(renderTemplate(text, { customerName: '', queue: 'Sales' }, known)).toBe('Thanks, Sales will call you back.');
  });

  it('names the placeholders a quick reply cannot use, once each; prototype names are unknown too', () => {
    expect(unknownPlaceholders('{queue} {orgName} {channelNumber} {orgName} {customerName}', known)).toEqual([
      'orgName',
      'channelNumber',
    ]);
    expect(unknownPlaceholders('{constructor} {__proto__}', known)).toEqual(['constructor', '__proto__']);
    expect(unknownPlaceholders('Hi {queue}')).toEqual(['queue']);
  });
});
