import type { ContextVariables, WidgetAuthSettings, WidgetAuthView } from '@switchboard/protocol';
import { readPublicKey, type SiteTokenVerifier } from '../auth/site-tokens.js';
import type { Clock } from '../domain/clock.js';
import { DomainError, notFound } from '../domain/errors.js';
import { checkSiteClaims } from '../domain/widgets/site-token-claims.js';
import type { Db } from '../store/db.js';
import type { SiteAuthSettings } from '../store/schema.js';
import { contactBySub, readSiteAuth, writeSiteAuth } from '../store/widget-auth.js';

/** Who a site's sign-in token says the customer is: a contact of the widget's organisation. */
export type SiteIdentity = {
  contactId: string;
  accountId: string | null;
  name: string;
  email: string | null;
  /** From `lwicontexts`: the site vouches for them, so they win over the host page's context. */
  context: ContextVariables;
};

const refused = (message: string) => new DomainError('unauthenticated', message);

/**
 * Authenticated chat (CH1, CH5): the admin's settings per widget, and the check a chat start
 * runs when the widget requires sign-in. A refused token starts nothing: the start's transaction
 * never begins. The token's name and email claims are not used: `sub` must name a known contact,
 * whose own name and email the agent sees.
 */
export function createWidgetAuthService(deps: { db: Db; clock: Clock; verifier: SiteTokenVerifier }) {
  const { db, clock, verifier } = deps;

  const view = (s: SiteAuthSettings | null): WidgetAuthView => s ?? { mode: 'off' };

  return {
    async get(orgId: string, widgetId: string): Promise<WidgetAuthView> {
      const settings = await readSiteAuth(db, orgId, widgetId);
      if (settings === undefined) throw notFound(`chat widget ${widgetId}`);
      return view(settings);
    },

    async update(orgId: string, widgetId: string, body: WidgetAuthSettings): Promise<WidgetAuthView> {
      if (body.mode === 'pem') readPublicKey(body.publicKeyPem);
      const settings = body.mode === 'off' ? null : body;
      if (!(await writeSiteAuth(db, orgId, widgetId, settings))) throw notFound(`chat widget ${widgetId}`);
      return view(settings);
    },

    /** Null when the widget does not require sign-in (a token sent anyway is ignored). */
    async identify(
      orgId: string,
      widget: { id: string; siteAuth: SiteAuthSettings | null },
      token: string | undefined,
    ): Promise<SiteIdentity | null> {
      const settings = widget.siteAuth;
      if (!settings) return null;
      if (!token)
        throw refused(
          'this chat needs the site to sign the customer in: the page gives no token (setAuthTokenProvider)',
        );
      const now = clock.now();
      const signed = await verifier.verify(token, settings, now);
      if (!signed.ok) throw refused(signed.message);
      const claims = checkSiteClaims(signed.claims, { issuer: settings.issuer, widgetId: widget.id, now });
      if (!claims.ok) throw refused(claims.message);
      const contact = await contactBySub(db, orgId, claims.sub);
      if (!contact) throw refused('sign-in token refused: no contact has the id or external id in its sub');
      return {
        contactId: contact.id,
        accountId: contact.accountId,
        name: contact.name,
        email: contact.email,
        context: claims.context,
      };
    },
  };
}

export type WidgetAuthService = ReturnType<typeof createWidgetAuthService>;
