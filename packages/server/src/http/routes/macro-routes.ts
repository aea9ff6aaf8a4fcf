import type { FastifyInstance } from 'fastify';
import type { TokenIssuer } from '../../auth/tokens.js';
import type { MacroService } from '../../services/macros/macros.js';
import type { MacroRunner } from '../../services/macros/run-macro.js';
import type { ScriptService } from '../../services/scripts.js';
import { mount } from '../mount.js';

/** Macros (AG8) and agent scripts (AG7): admins write them, agents run and follow them in a conversation. */
export function macroRoutes(
  app: FastifyInstance,
  deps: { tokens: TokenIssuer; macros: MacroService; runMacro: MacroRunner; scripts: ScriptService },
) {
  const { tokens, macros, scripts } = deps;
  const ok = { ok: true as const };
  mount(app, tokens, 'listMacros', async ({ who }) => macros.list(who.orgId));
  mount(app, tokens, 'createMacro', async ({ who, body }) => macros.create(who.orgId, body));
  mount(app, tokens, 'updateMacro', async ({ who, params, body }) => macros.update(who.orgId, params.id, body));
  mount(app, tokens, 'deleteMacro', async ({ who, params }) => {
    await macros.remove(who.orgId, params.id);
    return ok;
  });
  mount(app, tokens, 'listAgentMacros', async ({ who }) => macros.summaries(who.orgId));
  mount(app, tokens, 'runMacro', async ({ who, params, body }) => deps.runMacro(who, params.id, params.macroId, body));
  mount(app, tokens, 'listScripts', async ({ who }) => scripts.list(who.orgId));
  mount(app, tokens, 'createScript', async ({ who, body }) => scripts.create(who.orgId, body));
  mount(app, tokens, 'updateScript', async ({ who, params, body }) => scripts.update(who.orgId, params.id, body));
  mount(app, tokens, 'deleteScript', async ({ who, params }) => {
    await scripts.remove(who.orgId, params.id);
    return ok;
  });
  mount(app, tokens, 'getConversationScript', async ({ who, params }) => scripts.forConversation(who, params.id));
  mount(app, tokens, 'markScriptStep', async ({ who, params, body }) =>
    scripts.mark(who, params.id, body.scriptId, params.stepId, body.done ?? true),
  );
}
