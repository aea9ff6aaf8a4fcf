import type { FastifyInstance } from 'fastify';
import type { TokenIssuer } from '../../auth/tokens.js';
import type { RecordsService } from '../../services/records/index.js';
import { mount } from '../mount.js';

/** Records (AG9), the timeline (CV4), the customer summary (AG6) and the admin's CSV import. */
export function recordRoutes(app: FastifyInstance, deps: { tokens: TokenIssuer; records: RecordsService }) {
  const { tokens, records: r } = deps;
  mount(app, tokens, 'listContacts', async ({ who, query }) => r.listContacts(who.orgId, query));
  mount(app, tokens, 'getContact', async ({ who, params }) => r.getContact(who.orgId, params.id));
  mount(app, tokens, 'createContact', async ({ who, body }) => r.createContact(who.orgId, body));
  mount(app, tokens, 'updateContact', async ({ who, params, body }) => r.updateContact(who.orgId, params.id, body));
  mount(app, tokens, 'contactTimeline', async ({ who, params, query }) =>
    r.contactTimeline(who.orgId, params.id, query),
  );
  mount(app, tokens, 'listAccounts', async ({ who, query }) => r.listAccounts(who.orgId, query));
  mount(app, tokens, 'getAccount', async ({ who, params }) => r.getAccount(who.orgId, params.id));
  mount(app, tokens, 'createAccount', async ({ who, body }) => r.createAccount(who.orgId, body));
  mount(app, tokens, 'updateAccount', async ({ who, params, body }) => r.updateAccount(who.orgId, params.id, body));
  mount(app, tokens, 'accountTimeline', async ({ who, params, query }) =>
    r.accountTimeline(who.orgId, params.id, query),
  );
  mount(app, tokens, 'listCases', async ({ who, query }) => r.listCases(who.orgId, query));
  mount(app, tokens, 'getCase', async ({ who, params }) => r.getCase(who.orgId, params.id));
  mount(app, tokens, 'createCase', async ({ who, body }) => r.createCase(who, body));
  mount(app, tokens, 'updateCase', async ({ who, params, body }) => r.updateCase(who, params.id, body));
  mount(app, tokens, 'createNote', async ({ who, body }) => r.createNote(who, body));
  mount(app, tokens, 'getConversationLinks', async ({ who, params }) => r.getConversationLinks(who, params.id));
  mount(app, tokens, 'linkContact', async ({ who, params, body }) => r.link(who, params.id, 'contact', body.contactId));
  mount(app, tokens, 'unlinkContact', async ({ who, params }) => r.unlink(who, params.id, 'contact'));
  mount(app, tokens, 'linkAccount', async ({ who, params, body }) => r.link(who, params.id, 'account', body.accountId));
  mount(app, tokens, 'unlinkAccount', async ({ who, params }) => r.unlink(who, params.id, 'account'));
  mount(app, tokens, 'linkCase', async ({ who, params, body }) => r.link(who, params.id, 'case', body.caseId));
  mount(app, tokens, 'unlinkCase', async ({ who, params }) => r.unlink(who, params.id, 'case'));
  mount(app, tokens, 'customerSummary', async ({ who, params }) => r.customerSummary(who, params.id));
  mount(app, tokens, 'importRecords', async ({ who, body }) => r.importRecords(who.orgId, body));
}
