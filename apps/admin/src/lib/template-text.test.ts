import { describe, expect, it } from 'vitest';
import { insertAt, renderTemplate } from './template-text';

describe('renderTemplate (CH6 preview)', () => {
  const values = { customerName: 'Emma Janssen', agentName: 'Ada Admin', orgName: 'Contoso' };

  it('fills in every known placeholder, each time it occurs', () => {
    expect(renderTemplate('Hi {customerName}, {agentName} of {orgName} here. Bye {customerName}!', values)).toBe(
      'Hi Emma Janssen, Ada Admin of Contoso here. Bye Emma Janssen!',
    );
  });

  it('leaves unknown names, known ones without a value, and stray braces as written', () => {
    expect(renderTemplate('{orderNumber} {channelNumber} {customerName {} {{orgName}}', values)).toBe(
      '{orderNumber} {channelNumber} {customerName {} {Contoso}',
    );
  });

  it('does not treat a name from the object prototype as a placeholder', () => {
    expect(renderTemplate('{constructor} {toString}', values)).toBe('{constructor} {toString}');
  });
});

describe('insertAt', () => {
  it('inserts at the cursor and puts the cursor after the insertion', () => {
    expect(insertAt('Hello !', 6, 6, '{customerName}')).toEqual({ text: 'Hello {customerName}!', cursor: 20 });
  });

  it('replaces a selection', () => {
    expect(insertAt('Dear NAME,', 5, 9, '{customerName}')).toEqual({ text: 'Dear {customerName},', cursor: 19 });
  });

  it('keeps a position past the end (or before the start) inside the text', () => {
    expect(insertAt('Hi', 10, 12, '!')).toEqual({ text: 'Hi!', cursor: 3 });
    expect(insertAt('Hi', -1, 0, '>')).toEqual({ text: '>Hi', cursor: 1 });
  });
});
