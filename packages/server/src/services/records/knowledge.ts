import type {
  KnowledgeArticle,
  KnowledgeArticleInput,
  KnowledgeListQuery,
  KnowledgeSearchQuery,
  KnowledgeSearchResult,
  KnowledgeStatus,
} from '@switchboard/protocol';
import type { Clock } from '../../domain/clock.js';
import { notFound } from '../../domain/errors.js';
import { markedToHtml } from '../../domain/knowledge/highlight.js';
import type { Db } from '../../store/db.js';
import * as store from '../../store/records/articles.js';
import type { StaffIdentity } from '../identity.js';

// What the route table hands over once a request is parsed (its defaults filled in).
type Input = Required<KnowledgeArticleInput>;
type ListQuery = KnowledgeListQuery & { limit: number };
type SearchQuery = KnowledgeSearchQuery & { limit: number };

const iso = (d: Date | string) => new Date(d).toISOString();

/**
 * Knowledge articles (AG9): admins write, publish, unpublish and delete them; staff search and open the
 * published ones; a customer reads a published one on its public page (`/kb/<id>`, the link an agent
 * sends). A draft, or another organisation's article, is "not found" to everyone but its admins.
 */
export function createKnowledgeService(deps: { db: Db; clock: Clock; publicUrl: () => string }) {
  const { db, clock } = deps;
  const urlOf = (id: string) => `${deps.publicUrl().replace(/\/$/, '')}/kb/${id}`;

  const toView = (r: store.ArticleRow): KnowledgeArticle => ({
    id: r.id,
    language: r.language,
    title: r.title,
    keywords: r.keywords,
    body: r.body,
    status: r.status,
    authorName: r.authorName,
    createdAt: iso(r.createdAt),
    updatedAt: iso(r.updatedAt),
    url: urlOf(r.id),
  });

  async function load(orgId: string, id: string, published: boolean) {
    const row = await store.getArticle(db, orgId, id);
    if (!row || (published && row.status !== 'published')) throw notFound(`knowledge article ${id}`);
    return row;
  }

  async function change(orgId: string, id: string, fields: Partial<Input> & { status?: KnowledgeStatus }) {
    if (!(await store.updateArticle(db, orgId, id, fields, clock.now()))) throw notFound(`knowledge article ${id}`);
    return toView(await load(orgId, id, false));
  }

  return {
    urlOf,
    list: async (orgId: string, q: ListQuery) => (await store.listArticles(db, orgId, q)).map(toView),
    getDraft: async (orgId: string, id: string) => toView(await load(orgId, id, false)),
    getPublished: async (orgId: string, id: string) => toView(await load(orgId, id, true)),
    async create(who: StaffIdentity, input: Input) {
      const id = await store.insertArticle(db, who.orgId, who.userId, input, clock.now());
      return toView(await load(who.orgId, id, false));
    },
    update: (orgId: string, id: string, input: Input) => change(orgId, id, input),
    publish: (orgId: string, id: string) => change(orgId, id, { status: 'published' }),
    unpublish: (orgId: string, id: string) => change(orgId, id, { status: 'draft' }),
    async remove(orgId: string, id: string) {
      if (!(await store.deleteArticle(db, orgId, id))) throw notFound(`knowledge article ${id}`);
    },
    async search(orgId: string, q: SearchQuery): Promise<KnowledgeSearchResult> {
      const { q: text, language, limit } = q;
      const rows = await store.searchArticles(db, orgId, text, { language, limit });
      return {
        hits: rows.map((r) => ({
          id: r.id,
          language: r.language,
          title: r.title,
          titleHtml: markedToHtml(r.title_marked, store.MARK_START, store.MARK_END),
          snippetHtml: markedToHtml(r.snippet_marked, store.MARK_START, store.MARK_END),
          rank: Number(r.rank),
          url: urlOf(r.id),
          updatedAt: iso(r.updated_at),
        })),
      };
    },
    /** The public page's article: found by its random id alone (the link names no organisation). */
    publicArticle: (id: string) => store.getPublishedArticle(db, id),
  };
}

export type KnowledgeService = ReturnType<typeof createKnowledgeService>;
