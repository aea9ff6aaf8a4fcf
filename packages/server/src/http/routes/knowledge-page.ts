import { createHash } from 'node:crypto';
import type { KnowledgeLanguage } from '@switchboard/protocol';
import { escapeHtml, paragraphsOf } from '../../domain/knowledge/highlight.js';

/**
 * A published knowledge article as a customer reads it (AG9): the page behind the link an agent sends.
 * Server-rendered, every text escaped, no script; its one style element is allowed by its hash.
 */
const CSS = `body{font:16px/1.6 system-ui,sans-serif;margin:0;background:#f5f5f5;color:#242424}
main{max-width:42rem;margin:2rem auto;padding:2rem;background:#fff;border-radius:8px}
h1{font-size:1.6rem;line-height:1.3;margin:0 0 1rem}p{white-space:pre-wrap;margin:0 0 1rem}
footer{color:#616161;font-size:.85rem;margin-top:2rem}`;

export const PAGE_CSP =
  `default-src 'none'; style-src 'sha256-${createHash('sha256').update(CSS).digest('base64')}'; ` +
  `base-uri 'none'; form-action 'none'; frame-ancestors 'none'`;

const UPDATED: Record<KnowledgeLanguage, string> = { en: 'Updated', nl: 'Bijgewerkt', fr: 'Mis à jour' };
const GONE = {
  title: 'Article not available',
  text: 'This article does not exist or is no longer published.',
};

const page = (lang: string, title: string, main: string) =>
  `<!doctype html><html lang="${lang}"><head><meta charset="utf-8">` +
  `<meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex">` +
  `<title>${escapeHtml(title)}</title><style>${CSS}</style></head><body><main>${main}</main></body></html>`;

export function articlePage(a: { language: KnowledgeLanguage; title: string; body: string; updatedAt: Date }) {
  const paragraphs = paragraphsOf(a.body)
    .map((p) => `<p>${escapeHtml(p)}</p>`)
    .join('');
  const date = a.updatedAt.toISOString().slice(0, 10);
  const footer = `<footer>${UPDATED[a.language]} <time datetime="${date}">${date}</time></footer>`;
  return page(a.language, a.title, `<article><h1>${escapeHtml(a.title)}</h1>${paragraphs}</article>${footer}`);
}

export const missingPage = () => page('en', GONE.title, `<h1>${GONE.title}</h1><p>${GONE.text}</p>`);
