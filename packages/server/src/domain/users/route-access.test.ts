import { describe, expect, it } from 'vitest';
import { routes, type Role } from '@switchboard/protocol';
import { opensEventSocket, overseesOrganisation, routeRefusal, signsInWithPassword } from './route-access.js';
import type { RouteAccess } from './route-access.js';

const OVERSIGHT = ['supervisor', 'admin'] as const;
const ADMIN = ['admin'] as const;

describe('who may call a route (AD1)', () => {
  it.each<[string, Role, RouteAccess, string | null]>([
    ['an agent reads their conversations', 'agent', { method: 'GET' }, null],
    ['an agent sends a message', 'agent', { method: 'POST' }, null],
    ['an agent on the ongoing list', 'agent', { method: 'GET', roles: OVERSIGHT }, 'Only supervisors and admins'],
    ['a supervisor force closes', 'supervisor', { method: 'POST', roles: OVERSIGHT }, null],
    ['a supervisor on an admin route', 'supervisor', { method: 'GET', roles: ADMIN }, 'Only admins may do this'],
    ['an admin on an admin route', 'admin', { method: 'PUT', roles: ADMIN }, null],
    ['a person on their own desk', 'agent', { method: 'PUT', person: true }, null],
    ['an API client reads conversations', 'api', { method: 'GET' }, null],
    ['an API client on the ongoing list', 'api', { method: 'GET', roles: OVERSIGHT }, null],
    ['an API client runs a report (a POST read)', 'api', { method: 'POST', roles: OVERSIGHT }, null],
    ['an API client force closes', 'api', { method: 'POST', roles: OVERSIGHT }, null],
    ['an API client reads an admin list', 'api', { method: 'GET', roles: ADMIN }, 'cannot call admin routes'],
    ['an API client changes the configuration', 'api', { method: 'PUT', roles: ADMIN }, 'cannot call admin routes'],
    ['an API client reads an agent desk', 'api', { method: 'GET', person: true }, 'no desk of its own'],
    ['an API client sets a presence', 'api', { method: 'PUT', person: true }, 'no desk of its own'],
    ['an API client joins a conversation', 'api', { method: 'POST', roles: OVERSIGHT, person: true }, 'no desk'],
    ['an API client sends a message', 'api', { method: 'POST' }, 'cannot act as an agent'],
    ['an API client deletes a quick reply', 'api', { method: 'DELETE' }, 'cannot act as an agent'],
  ])('%s', (_what, role, route, refusal) => {
    const answer = routeRefusal(role, route);
    if (refusal === null) expect(answer).toBeNull();
    else expect(answer).toContain(refusal);
  });

  // Every route of the table, decided: a new route makes this list change, so someone decides for it.
  it('gives an API client exactly these routes of the table', () => {
    const open = Object.entries(routes)
      .filter(([, r]) => r.auth === 'staff' && routeRefusal('api', r as RouteAccess) === null)
      .map(([name]) => name)
      .sort();
    expect(open).toEqual(
      [
        // Reads of records, knowledge, journey and scripts (AG6-AG9): a CRM or wallboard may read them.
        'accountTimeline',
        'contactTimeline',
        'conversationJourney',
        'customerSummary',
        'getAccount',
        'getCase',
        'getContact',
        'getConversationLinks',
        'getConversationScript',
        'getKnowledgeArticle',
        'listAccounts',
        'listAgentMacros',
        'listCases',
        'listContacts',
        'searchKnowledge',
        'assignConversation',
        'assignOptions',
        'downloadAttachment',
        'forceClose',
        'getConversation',
        'getOutbound',
        'getRoutingTrace',
        'insightsLive',
        'listConversations',
        'listDispositionCodes',
        'listEvents',
        'listOngoing',
        'listOutboundChannels',
        'listQueues',
        'listTemplates',
        'me',
        'monitorConversation',
        'runReport',
        'searchAgents',
        'staffingEstimate',
        'stopMonitoring',
        'supervisorTransfer',
        'supervisorTransferOptions',
      ].sort(),
    );
  });

  it('refuses an API client every admin route and every route that is a person’s', () => {
    for (const [name, r] of Object.entries(routes)) {
      const def = r as RouteAccess & { path: string };
      if (def.path.startsWith('/api/admin') || def.person) expect(routeRefusal('api', def), name).not.toBeNull();
    }
  });
});

describe('what each role is (AD1)', () => {
  it.each<[Role, boolean, boolean, boolean]>([
    ['agent', false, true, true],
    ['supervisor', true, true, true],
    ['admin', true, true, true],
    ['api', true, false, false],
  ])('%s: oversees %s, password %s, event socket %s', (role, oversees, password, socket) => {
    expect([overseesOrganisation(role), signsInWithPassword(role), opensEventSocket(role)]).toEqual([
      oversees,
      password,
      socket,
    ]);
  });
});
