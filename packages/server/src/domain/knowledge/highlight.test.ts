import { describe, expect, it } from 'vitest';
import { escapeHtml, markedToHtml, paragraphsOf } from './highlight.js';

const S = '\u0002';
const E = '\u0003';

describe('search highlights (AG9)', () => {
  it('marks the matches and escapes everything else', () => {
    expect(markedToHtml(`Pay your ${S}invoice${E} <b>now</b> & "later"`, S, E)).toBe(
      'Pay your <mark>invoice</mark> &lt;b&gt;now&lt;/b&gt; &amp; &quot;later&quot;',
    );
  });

  it('never lets a script through, marked or not', () => {
    const html = markedToHtml(`${S}<script>${E}alert(1)</script>`, S, E);
    expect(html).toBe('<mark>&lt;script&gt;</mark>alert(1)&lt;/script&gt;');
    expect(html.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/);
  });

  it('closes a mark left open and ignores a stray end', () => {
    expect(markedToHtml(`a${E}b ${S}c`, S, E)).toBe('ab <mark>c</mark>');
  });

  it('escapes quotes for attributes too', () => {
    expect(escapeHtml(`'x'`)).toBe('&#39;x&#39;');
  });

  it('splits a text into paragraphs at blank lines', () => {
    expect(paragraphsOf('One\r\nline two\n\n\n  Three  \n \nFour')).toEqual(['One\nline two', 'Three', 'Four']);
  });
});
