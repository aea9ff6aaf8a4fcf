import type { FastifyInstance } from 'fastify';
import type { TokenIssuer } from '../../auth/tokens.js';
import type { AgentHomeService } from '../../services/agent-home.js';
import type { WorkspaceService } from '../../services/workspaces.js';
import { mount } from '../mount.js';

/** My workspace (AG3): read it, change it field by field; its home view (AG10). */
export function workspaceRoutes(
  app: FastifyInstance,
  deps: { tokens: TokenIssuer; workspaces: WorkspaceService; home: AgentHomeService },
) {
  const { tokens, workspaces } = deps;
  mount(app, tokens, 'getWorkspace', async ({ who }) => workspaces.read(who));
  mount(app, tokens, 'writeWorkspace', async ({ who, body }) => workspaces.write(who, body.baseVersion, body.changes));
  mount(app, tokens, 'myHome', async ({ who, query }) => deps.home.home(who, query));
}
