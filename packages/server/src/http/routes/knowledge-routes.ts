import type { FastifyInstance } from 'fastify';
import { Id } from '@switchboard/protocol';
import type { TokenIssuer } from '../../auth/tokens.js';
import type { KnowledgeService } from '../../services/records/knowledge.js';
import { mount } from '../mount.js';
import { articlePage, missingPage, PAGE_CSP } from './knowledge-page.js';

/** Knowledge articles (AG9): the admin's editing, staff search, and the public page a customer opens. */
export function knowledgeRoutes(app: FastifyInstance, deps: { tokens: TokenIssuer; knowledge: KnowledgeService }) {
  const { tokens, knowledge } = deps;
  mount(app, tokens, 'listKnowledgeArticles', async ({ who, query }) => knowledge.list(who.orgId, query));
  mount(app, tokens, 'getKnowledgeArticleDraft', async ({ who, params }) => knowledge.getDraft(who.orgId, params.id));
  mount(app, tokens, 'createKnowledgeArticle', async ({ who, body }) => knowledge.create(who, body));
  mount(app, tokens, 'updateKnowledgeArticle', async ({ who, params, body }) =>
    knowledge.update(who.orgId, params.id, body),
  );
  mount(app, tokens, 'publishKnowledgeArticle', async ({ who, params }) => knowledge.publish(who.orgId, params.id));
  mount(app, tokens, 'unpublishKnowledgeArticle', async ({ who, params }) => knowledge.unpublish(who.orgId, params.id));
  mount(app, tokens, 'deleteKnowledgeArticle', async ({ who, params }) => {
    await knowledge.remove(who.orgId, params.id);
    return { ok: true as const };
  });
  mount(app, tokens, 'searchKnowledge', async ({ who, query }) => knowledge.search(who.orgId, query));
  mount(app, tokens, 'getKnowledgeArticle', async ({ who, params }) => knowledge.getPublished(who.orgId, params.id));

  // A page, not an API answer: outside the route table, HTML whose policy (set over helmet's data-only
  // default) allows its one hashed style and nothing else.
  app.get<{ Params: { id: string } }>('/kb/:id', async (req, reply) => {
    const id = Id.safeParse(req.params.id);
    const article = id.success ? await knowledge.publicArticle(id.data) : undefined;
    void reply
      .header('content-security-policy', PAGE_CSP)
      .header('referrer-policy', 'no-referrer')
      .header('cache-control', 'no-store')
      .type('text/html; charset=utf-8');
    if (!article) return reply.code(404).send(missingPage());
    return reply.send(articlePage(article));
  });
}
