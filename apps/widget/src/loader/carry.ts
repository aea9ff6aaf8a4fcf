/**
 * CH1: a chat carried to another site of the same organisation. Browsers keep an iframe's storage
 * per top-level site, so the next site's widget cannot find the chat; a link the host page marked
 * takes a short-lived, one-use token along in its fragment (`#sb-resume=<token>`), which never
 * reaches a server log, and the loader there takes it out of the address at once.
 */
export const RESUME_PARAM = 'sb-resume';
const LINK_WAIT_MS = 3000;

/** The token in this page's address, removed from it (history.replaceState, no reload); null when none. */
export function consumeResumeToken(win: Pick<Window, 'location' | 'history'>): string | null {
  const hash = win.location.hash.replace(/^#/, '');
  if (!hash) return null;
  const parts = hash.split('&');
  const found = parts.find((p) => p.startsWith(`${RESUME_PARAM}=`));
  if (!found) return null;
  const rest = parts.filter((p) => p !== found).join('&');
  const url = win.location.pathname + win.location.search + (rest ? `#${rest}` : '');
  try {
    win.history.replaceState(win.history.state, '', url);
  } catch {
    // A sandboxed page may refuse; the token is spent on first use anyway.
  }
  const token = decodeURIComponent(found.slice(RESUME_PARAM.length + 1));
  return token || null;
}

/** The address to go to: the link's own, with the token added to its fragment. */
export function withResumeToken(href: string, token: string): string {
  const url = new URL(href);
  const own = url.hash.replace(/^#/, '');
  url.hash = (own ? `${own}&` : '') + `${RESUME_PARAM}=${encodeURIComponent(token)}`;
  return url.toString();
}

export type CarryLinks = { add(selector: string): void; destroy(): void };

/**
 * Clicks on `a[data-switchboard-carry]` and on links matching `Switchboard.carryLinks(selector)`:
 * when a chat is going on, a fresh token is asked for and the browser follows the link with it.
 * A click that opens a new tab (modifier keys, middle button, target) goes on plainly.
 */
export function installCarryLinks(
  doc: Document,
  win: Pick<Window, 'location' | 'setTimeout'>,
  requestToken: () => Promise<string | null>,
  chatActive: () => boolean,
): CarryLinks {
  const selectors = new Set<string>(['a[data-switchboard-carry]']);

  const matches = (el: Element) =>
    [...selectors].some((s) => {
      try {
        return el.matches(s);
      } catch {
        return false; // a selector the browser refuses
      }
    });

  function onClick(event: MouseEvent) {
    if (
      event.defaultPrevented ||
      event.button !== 0 ||
      event.metaKey ||
      event.ctrlKey ||
      event.shiftKey ||
      event.altKey
    )
      return;
    const link = (event.target as Element | null)?.closest?.('a[href]') as HTMLAnchorElement | null;
    if (!link || !matches(link) || (link.target && link.target !== '_self') || !chatActive()) return;
    event.preventDefault();
    const href = link.href;
    const timeout = new Promise<null>((resolve) => win.setTimeout(() => resolve(null), LINK_WAIT_MS));
    void Promise.race([requestToken().catch(() => null), timeout]).then((token) => {
      win.location.assign(token ? withResumeToken(href, token) : href);
    });
  }

  doc.addEventListener('click', onClick, true);
  return {
    add: (selector) => {
      if (typeof selector === 'string' && selector.trim()) selectors.add(selector.trim());
    },
    destroy: () => doc.removeEventListener('click', onClick, true),
  };
}
