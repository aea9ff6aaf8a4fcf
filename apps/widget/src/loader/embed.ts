import { normalizeLocale, type Locale } from '../shared/locale.js';

export type EmbedOptions = {
  /** Switchboard's origin, taken from the loader's own `src`: the iframe lives there. */
  origin: string;
  widgetId: string;
  locale: Locale;
  frameUrl: string;
};

/**
 * The loader's own `<script>`. `currentScript` is only set while the script first runs, so
 * callers must ask synchronously; the attribute query covers bundlers that wrap the code.
 */
export function findLoaderScript(doc: Document): HTMLScriptElement | null {
  const current = doc.currentScript;
  if (current instanceof HTMLScriptElement && current.dataset.widgetId) return current;
  return doc.querySelector<HTMLScriptElement>('script[data-widget-id]');
}

/** Reads the embed settings from the script tag and the page; null when the tag is unusable. */
export function readEmbedOptions(script: HTMLScriptElement, doc: Document, nav: Pick<Navigator, 'language'>): EmbedOptions | null {
  const widgetId = script.dataset.widgetId?.trim();
  const src = script.getAttribute('src');
  if (!widgetId || !src) return null;
  let origin: string;
  try {
    origin = new URL(src, doc.baseURI).origin;
  } catch {
    return null;
  }
  const locale = normalizeLocale(doc.documentElement.lang || nav.language);
  const query = new URLSearchParams({ widgetId, locale });
  return { origin, widgetId, locale, frameUrl: `${origin}/widget/index.html?${query}` };
}
