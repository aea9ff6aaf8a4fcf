import { describe, expect, it } from 'vitest';
import { slugOf } from './slug.js';

describe('slugOf', () => {
  it.each([
    ['Acme Support, Inc.', 'acme-support-inc'],
    ['  Élan -- Café  ', 'elan-cafe'],
    ['東京', 'org'],
    ['a'.repeat(39) + ' b', 'a'.repeat(39)],
  ])('%s -> %s', (text, slug) => expect(slugOf(text, 'org')).toBe(slug));
});
