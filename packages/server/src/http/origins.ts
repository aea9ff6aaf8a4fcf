import { WidgetId } from '@switchboard/protocol';
import type { TokenIssuer } from '../auth/tokens.js';
import type { Identity } from '../services/identity.js';
import type { Db } from '../store/db.js';
import { widgetSites } from '../store/widgets.js';

/**
 * Which browser origins may use what (X3): this server's own pages reach everything; another site reaches
 * only a widget that lists it among its allowed sites (an empty list: any site); the staff API and staff
 * sockets are for this server's pages only. A request without an Origin (curl, a server, a test) is not a
 * browser's cross-site request and passes as before.
 */
export function createOriginPolicy(deps: { db: Db; tokens: TokenIssuer; publicUrl?: string }) {
  const publicOrigin = deps.publicUrl ? new URL(deps.publicUrl).origin : undefined;
  // Read each time (one primary-key lookup): an admin's change to a widget's sites holds at once, on every node.
  // Asked before the route's validation ran, so a malformed id is simply no widget.
  const sitesOf = async (widgetId: string) =>
    WidgetId.safeParse(widgetId).success ? widgetSites(deps.db, widgetId) : null;

  /** The Origin names this server: the public URL's origin, or the host the request was sent to. */
  function isSameOrigin(origin: string, host: string | undefined): boolean {
    if (origin === publicOrigin) return true;
    try {
      return Boolean(host) && new URL(origin).host === host;
    } catch {
      return false;
    }
  }

  /** Whether a widget may be used from this origin; an unknown widget from none but this server. */
  async function widgetAllows(widgetId: string, origin: string): Promise<boolean> {
    const sites = await sitesOf(widgetId);
    return sites !== null && (sites.length === 0 || sites.includes(origin.toLowerCase()));
  }

  /** The widget a visitor token was issued on, if the request carries one. */
  async function widgetOfBearer(authorization: string | undefined): Promise<string | undefined> {
    if (!authorization?.startsWith('Bearer ')) return undefined;
    const who = await deps.tokens.verify(authorization.slice('Bearer '.length));
    return who?.kind === 'visitor' ? who.widgetId : undefined;
  }

  /** Socket.IO handshakes: staff from this server's pages, visitors also from their widget's sites. */
  async function socketAllowed(origin: string | undefined, host: string | undefined, who: Identity): Promise<boolean> {
    if (!origin || isSameOrigin(origin, host)) return true;
    if (who.kind === 'staff') return false;
    // Tokens issued before they named their widget: no list to check against.
    return who.widgetId ? widgetAllows(who.widgetId, origin) : true;
  }

  return { sitesOf, isSameOrigin, widgetAllows, widgetOfBearer, socketAllowed };
}

export type OriginPolicy = ReturnType<typeof createOriginPolicy>;
