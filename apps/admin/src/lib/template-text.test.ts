import { describe, expect, it } from 'vitest';
import { insertAt } from './template-text';

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
