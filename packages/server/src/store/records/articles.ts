import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { KnowledgeLanguage, KnowledgeStatus } from '@switchboard/protocol';
import { rowsOf, type Db } from '../db.js';
import { knowledgeArticles, users } from '../schema.js';

// Knowledge articles (AG9). Every statement names the organisation: an id of another one matches no row.
// Search runs on the generated `search` column (title A, keywords B, body D; migration 0015) and its GIN index.

export type ArticleRow = typeof knowledgeArticles.$inferSelect & { authorName: string | null };
export type ArticleFields = { language: KnowledgeLanguage; title: string; keywords: string; body: string };

/** The text search configuration of each language: the one its `search` vector was built with. */
export const CONFIG_OF: Record<KnowledgeLanguage, string> = { en: 'english', nl: 'dutch', fr: 'french' };
const LANGUAGES = Object.keys(CONFIG_OF) as KnowledgeLanguage[];

/** Where ts_headline marks a match: control characters no article text can hold (protocol MultiLine). */
export const MARK_START = '\u0002';
export const MARK_END = '\u0003';

const columns = {
  id: knowledgeArticles.id,
  orgId: knowledgeArticles.orgId,
  language: knowledgeArticles.language,
  title: knowledgeArticles.title,
  body: knowledgeArticles.body,
  keywords: knowledgeArticles.keywords,
  status: knowledgeArticles.status,
  authorId: knowledgeArticles.authorId,
  createdAt: knowledgeArticles.createdAt,
  updatedAt: knowledgeArticles.updatedAt,
  search: knowledgeArticles.search,
  authorName: users.name,
};

const one = (orgId: string, id: string) => and(eq(knowledgeArticles.orgId, orgId), eq(knowledgeArticles.id, id));

export async function getArticle(db: Db, orgId: string, id: string): Promise<ArticleRow | undefined> {
  const [row] = await db
    .select(columns)
    .from(knowledgeArticles)
    .leftJoin(users, eq(users.id, knowledgeArticles.authorId))
    .where(one(orgId, id));
  return row;
}

/**
 * A published article by its id alone, for its public page (`/kb/<id>`): the link a customer gets
 * names no organisation, and the id is random (gen_random_uuid), so it is the key.
 */
export async function getPublishedArticle(db: Db, id: string) {
  const [row] = await db
    .select({
      id: knowledgeArticles.id,
      language: knowledgeArticles.language,
      title: knowledgeArticles.title,
      body: knowledgeArticles.body,
      updatedAt: knowledgeArticles.updatedAt,
    })
    .from(knowledgeArticles)
    .where(and(eq(knowledgeArticles.id, id), eq(knowledgeArticles.status, 'published')));
  return row;
}

export const listArticles = (
  db: Db,
  orgId: string,
  filter: { language?: KnowledgeLanguage; status?: KnowledgeStatus; limit: number },
): Promise<ArticleRow[]> => {
  const where: SQL[] = [eq(knowledgeArticles.orgId, orgId)];
  if (filter.language) where.push(eq(knowledgeArticles.language, filter.language));
  if (filter.status) where.push(eq(knowledgeArticles.status, filter.status));
  return db
    .select(columns)
    .from(knowledgeArticles)
    .leftJoin(users, eq(users.id, knowledgeArticles.authorId))
    .where(and(...where))
    .orderBy(desc(knowledgeArticles.updatedAt), desc(knowledgeArticles.id))
    .limit(filter.limit);
};

export async function insertArticle(
  db: Db,
  orgId: string,
  authorId: string | null,
  a: ArticleFields & { status?: KnowledgeStatus },
  now: Date,
): Promise<string> {
  const [row] = await db
    .insert(knowledgeArticles)
    .values({ orgId, authorId, ...a, createdAt: now, updatedAt: now })
    .returning({ id: knowledgeArticles.id });
  return row!.id;
}

export async function updateArticle(
  db: Db,
  orgId: string,
  id: string,
  change: Partial<ArticleFields> & { status?: KnowledgeStatus },
  now: Date,
): Promise<boolean> {
  const rows = await db
    .update(knowledgeArticles)
    .set({ ...change, updatedAt: now })
    .where(one(orgId, id))
    .returning({ id: knowledgeArticles.id });
  return rows.length > 0;
}

export async function deleteArticle(db: Db, orgId: string, id: string): Promise<boolean> {
  const rows = await db.delete(knowledgeArticles).where(one(orgId, id)).returning({ id: knowledgeArticles.id });
  return rows.length > 0;
}

export type HitRow = {
  id: string;
  language: KnowledgeLanguage;
  title: string;
  updated_at: Date | string;
  rank: number;
  title_marked: string;
  snippet_marked: string;
};

const configCase = (column: SQL) =>
  sql`(case ${column} when 'nl' then 'dutch'::regconfig when 'fr' then 'french'::regconfig
    else 'english'::regconfig end)`;

const TITLE_OPTIONS = `StartSel=${MARK_START}, StopSel=${MARK_END}, HighlightAll=true`;
const SNIPPET_OPTIONS =
  `StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=30, MinWords=12, MaxFragments=2, ` + `FragmentDelimiter=" … "`;

/**
 * Published articles matching `query` (web-search syntax), best first. Each language's articles are
 * matched with the query parsed by their own configuration (so "facturen" is stemmed as Dutch for
 * Dutch articles and as English for English ones); one OR of per-language conditions lets the planner
 * use the GIN index for each. Ranked by ts_rank_cd over the weighted vector (a title match outranks a
 * body match); headlines are made only for the rows returned, with marks no article text contains.
 */
export async function searchArticles(
  db: Db,
  orgId: string,
  query: string,
  opts: { language?: KnowledgeLanguage; limit: number },
): Promise<HitRow[]> {
  const languages = opts.language ? [opts.language] : LANGUAGES;
  const matches = sql.join(
    languages.map(
      (l) => sql`(a.language = ${l} and a.search @@ websearch_to_tsquery(${CONFIG_OF[l]}::regconfig, ${query}::text))`,
    ),
    sql` or `,
  );
  const rowQuery = (column: SQL) => sql`websearch_to_tsquery(${configCase(column)}, ${query}::text)`;
  const result = await db.execute(sql`
    select h.id, h.language, h.title, h.updated_at, h.rank,
      ts_headline(${configCase(sql`h.language`)}, translate(h.title, ${MARK_START + MARK_END}, ''),
        ${rowQuery(sql`h.language`)}, ${TITLE_OPTIONS}) as title_marked,
      ts_headline(${configCase(sql`h.language`)}, translate(h.body, ${MARK_START + MARK_END}, ''),
        ${rowQuery(sql`h.language`)}, ${SNIPPET_OPTIONS}) as snippet_marked
    from (
      select a.id, a.language, a.title, a.body, a.updated_at,
        ts_rank_cd(a.search, ${rowQuery(sql`a.language`)})::float8 as rank
      from knowledge_articles a
      where a.org_id = ${orgId} and a.status = 'published' and (${matches})
      order by rank desc, a.updated_at desc, a.id
      limit ${opts.limit}
    ) h
    order by h.rank desc, h.updated_at desc, h.id`);
  return rowsOf<HitRow>(result);
}
