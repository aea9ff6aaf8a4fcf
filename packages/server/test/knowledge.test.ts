import { asc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { ApiClient, KnowledgeArticleInput, KnowledgeListQuery } from '@switchboard/protocol';
import { knowledgeArticles } from '../src/store/schema.js';
import { serverForFile } from './support/harness.js';
import { buildOrg, PASSWORD, type BuiltOrg } from './support/org-builder.js';

// Knowledge articles (AG9): admins write and publish; staff search the published ones with each
// language's stemming, ranked and highlighted; a customer reads one at /kb/<id>. Drafts and another
// organisation's articles are "not found" outside the admin's own editor.
const t = serverForFile();

async function team() {
  const org = await buildOrg(t.db.db, {
    queues: ['Support'],
    users: [
      { key: 'ann', queues: ['Support'] },
      { key: 'sue', role: 'supervisor' },
      { key: 'ada', role: 'admin' },
    ],
  });
  const signIn = async (key: string) => {
    const login = { email: org.user(key).email, password: PASSWORD };
    return t.server.api((await t.server.api().call('login', { body: login })).token);
  };
  return { org, ann: await signIn('ann'), sue: await signIn('sue'), ada: await signIn('ada') };
}

const article = (language: 'en' | 'nl' | 'fr', title: string, body: string, keywords = ''): KnowledgeArticleInput => ({
  language,
  title,
  body,
  keywords,
});

async function published(ada: ApiClient, a: KnowledgeArticleInput) {
  const draft = await ada.call('createKnowledgeArticle', { body: a });
  return ada.call('publishKnowledgeArticle', { params: { id: draft.id }, body: {} });
}

const rowsOf = (org: BuiltOrg) =>
  t.db.db
    .select()
    .from(knowledgeArticles)
    .where(eq(knowledgeArticles.orgId, org.orgId))
    .orderBy(asc(knowledgeArticles.id));

const titles = async (api: ApiClient, q: string, language?: 'en' | 'nl' | 'fr') =>
  (await api.call('searchKnowledge', { query: { q, ...(language ? { language } : {}) } })).hits.map((h) => h.title);

const page = (id: string) => fetch(`${t.server.url}/kb/${id}`);

describe('knowledge articles (AG9)', () => {
  it('admins write drafts, publish, change, unpublish and delete; only published ones are found', async () => {
    const { ann, ada } = await team();
    const draft = await ada.call('createKnowledgeArticle', {
      body: article('en', 'Reset your password', 'Open the sign-in page and choose "Forgot password".'),
    });
    expect(draft).toMatchObject({ status: 'draft', language: 'en', keywords: '', authorName: expect.any(String) });
    expect(draft.url).toBe(`${t.server.url}/kb/${draft.id}`);
    // A draft: not found by search, by staff, nor on its public page.
    expect(await titles(ann, 'password')).toEqual([]);
    await expect(ann.call('getKnowledgeArticle', { params: { id: draft.id } })).rejects.toMatchObject({ status: 404 });
    expect((await page(draft.id)).status).toBe(404);
    expect(await ada.call('getKnowledgeArticleDraft', { params: { id: draft.id } })).toEqual(draft);

    const live = await ada.call('publishKnowledgeArticle', { params: { id: draft.id }, body: {} });
    expect(live.status).toBe('published');
    expect(await titles(ann, 'passwords')).toEqual(['Reset your password']);
    expect(await ann.call('getKnowledgeArticle', { params: { id: draft.id } })).toMatchObject({ title: live.title });
    expect((await page(draft.id)).status).toBe(200);

    const changed = await ada.call('updateKnowledgeArticle', {
      params: { id: draft.id },
      body: article('en', 'Change your password', 'Go to your profile.', 'login credentials'),
    });
    expect(changed).toMatchObject({
      status: 'published',
      title: 'Change your password',
      keywords: 'login credentials',
    });
    expect(await titles(ann, 'credentials')).toEqual(['Change your password']);

    await ada.call('unpublishKnowledgeArticle', { params: { id: draft.id }, body: {} });
    expect(await titles(ann, 'password')).toEqual([]);
    expect((await page(draft.id)).status).toBe(404);

    expect(await ada.call('deleteKnowledgeArticle', { params: { id: draft.id } })).toEqual({ ok: true });
    await expect(ada.call('getKnowledgeArticleDraft', { params: { id: draft.id } })).rejects.toMatchObject({
      status: 404,
      body: { message: `knowledge article ${draft.id} not found` },
    });
  });

  it('lists drafts and published ones, newest change first, by language and status', async () => {
    const { ada } = await team();
    const a = await published(ada, article('en', 'Invoices', 'Where to find them.'));
    const b = await ada.call('createKnowledgeArticle', { body: article('nl', 'Facturen', 'Waar ze staan.') });
    const c = await published(ada, article('fr', 'Factures', 'Où les trouver.'));
    const ids = async (query: KnowledgeListQuery = {}) =>
      (await ada.call('listKnowledgeArticles', { query })).map((r) => r.id);
    expect(await ids()).toEqual([c.id, b.id, a.id]);
    expect(await ids({ language: 'nl' })).toEqual([b.id]);
    expect(await ids({ status: 'published' })).toEqual([c.id, a.id]);
    expect(await ids({ limit: 1 })).toEqual([c.id]);
    expect((await ada.call('listKnowledgeArticles', { query: {} }))[0]).toMatchObject({ body: 'Où les trouver.' });
  });

  it('stems each language with its own configuration', async () => {
    const { ann, ada } = await team();
    await published(ada, article('nl', 'Uw factuur betalen', 'Betaal de factuur binnen dertig dagen.'));
    await published(ada, article('fr', "L'imprimante ne répond pas", "Redémarrez l'imprimante et réessayez."));
    await published(ada, article('en', 'Where is my invoice?', 'Each invoice is under Billing.'));

    expect(await titles(ann, 'facturen')).toEqual(['Uw factuur betalen']);
    expect(await titles(ann, 'imprimantes')).toEqual(["L'imprimante ne répond pas"]);
    expect(await titles(ann, 'invoices')).toEqual(['Where is my invoice?']);
    // One language only: the Dutch word is not looked for among French articles.
    expect(await titles(ann, 'facturen', 'fr')).toEqual([]);
    expect(await titles(ann, 'imprimantes', 'fr')).toEqual(["L'imprimante ne répond pas"]);
    // Web-search syntax: a phrase, and a word left out.
    expect(await titles(ann, '"factuur betalen"')).toEqual(['Uw factuur betalen']);
    expect(await titles(ann, 'invoice -billing')).toEqual([]);
    // Only stop words: nothing to look for, nothing found (no error).
    expect(await titles(ann, 'the')).toEqual([]);
  });

  it('ranks a title match above a keyword match above a body match', async () => {
    const { ann, ada } = await team();
    await published(ada, article('en', 'Shipping times', 'Orders ship in two days. Refund questions go to Billing.'));
    await published(ada, article('en', 'Refunds', 'How we pay you back.'));
    await published(ada, article('en', 'Returns', 'Send it back in 30 days.', 'refund'));
    const { hits } = await ann.call('searchKnowledge', { query: { q: 'refund' } });
    expect(hits.map((h) => h.title)).toEqual(['Refunds', 'Returns', 'Shipping times']);
    expect(hits[0]!.rank).toBeGreaterThan(hits[1]!.rank);
    expect(hits[1]!.rank).toBeGreaterThan(hits[2]!.rank);
    expect(hits[0]!.titleHtml).toBe('<mark>Refunds</mark>');
    expect(hits[2]!.snippetHtml).toContain('<mark>Refund</mark>');
  });

  it('escapes everything in highlights and on the public page but the marks', async () => {
    const { ann, ada } = await team();
    const evil = await published(
      ada,
      article(
        'en',
        'Printer <script>alert(1)</script> help',
        'Press <img src=x onerror=alert(2)> & restart the printer.',
      ),
    );
    const [hit] = (await ann.call('searchKnowledge', { query: { q: 'printer' } })).hits;
    expect(hit!.titleHtml).toBe('<mark>Printer</mark> &lt;script&gt;alert(1)&lt;/script&gt; help');
    expect(hit!.snippetHtml).toContain('&lt;img src=x onerror=alert(2)&gt; &amp; restart the <mark>printer</mark>');
    for (const html of [hit!.titleHtml, hit!.snippetHtml]) expect(html.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/);

    const res = await page(evil.id);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('content-security-policy')).toMatch(/default-src 'none'; style-src 'sha256-/);
    const html = await res.text();
    expect(html).toContain('<h1>Printer &lt;script&gt;alert(1)&lt;/script&gt; help</h1>');
    expect(html).toContain('<p>Press &lt;img src=x onerror=alert(2)&gt; &amp; restart the printer.</p>');
    expect(html).not.toMatch(/<script|<img/);
    expect(html).toContain('lang="en"');
  });

  it("keeps organisations apart: another one's article is not found anywhere, nothing of it changes", async () => {
    const mine = await team();
    const theirs = await team();
    const foreign = await published(theirs.ada, article('en', 'Secret pricing', 'Internal price list.'));
    const before = await rowsOf(theirs.org);
    const params = { id: foreign.id };
    const notFound = { status: 404, body: { message: `knowledge article ${foreign.id} not found` } };
    const { ada, ann } = mine;
    await expect(ada.call('getKnowledgeArticleDraft', { params })).rejects.toMatchObject(notFound);
    await expect(
      ada.call('updateKnowledgeArticle', { params, body: article('en', 'Mine', 'Now.') }),
    ).rejects.toMatchObject(notFound);
    await expect(ada.call('publishKnowledgeArticle', { params, body: {} })).rejects.toMatchObject(notFound);
    await expect(ada.call('unpublishKnowledgeArticle', { params, body: {} })).rejects.toMatchObject(notFound);
    await expect(ada.call('deleteKnowledgeArticle', { params })).rejects.toMatchObject(notFound);
    await expect(ann.call('getKnowledgeArticle', { params })).rejects.toMatchObject(notFound);
    expect(await titles(ann, 'pricing')).toEqual([]);
    expect(await ada.call('listKnowledgeArticles', { query: {} })).toEqual([]);
    expect(await rowsOf(theirs.org)).toEqual(before);
  });

  it('lets every staff role search and read, only admins write', async () => {
    const { org, ann, sue, ada } = await team();
    const a = await published(
      ada,
      article('fr', 'Réinitialiser le mot de passe', 'Cliquez sur « Mot de passe oublié ».'),
    );
    for (const who of [ann, sue, ada]) {
      expect(await titles(who, 'mots de passe')).toEqual([a.title]);
      expect((await who.call('getKnowledgeArticle', { params: { id: a.id } })).body).toBe(a.body);
    }
    const before = await rowsOf(org);
    const admins = { status: 403, body: { message: 'Only admins may do this' } };
    const params = { id: a.id };
    for (const who of [ann, sue]) {
      await expect(who.call('createKnowledgeArticle', { body: article('en', 'x', 'y') })).rejects.toMatchObject(admins);
      await expect(who.call('updateKnowledgeArticle', { params, body: article('en', 'x', 'y') })).rejects.toMatchObject(
        admins,
      );
      await expect(who.call('unpublishKnowledgeArticle', { params, body: {} })).rejects.toMatchObject(admins);
      await expect(who.call('deleteKnowledgeArticle', { params })).rejects.toMatchObject(admins);
      await expect(who.call('listKnowledgeArticles', { query: {} })).rejects.toMatchObject(admins);
    }
    const anonymous = await fetch(`${t.server.url}/api/knowledge/search?q=mot`);
    expect(anonymous.status).toBe(401);
    expect(await rowsOf(org)).toEqual(before);
  });

  it('refuses bad input with a clear message, changing nothing', async () => {
    const { org, ann, ada } = await team();
    const a = await published(ada, article('en', 'Invoices', 'Billing.'));
    const before = await rowsOf(org);
    const bad = (body: object) => ada.call('createKnowledgeArticle', { body: body as KnowledgeArticleInput });
    const says = (message: RegExp) => ({ status: 400, body: { message: expect.stringMatching(message) } });
    await expect(bad({ language: 'en', title: '  ', body: 'x' })).rejects.toMatchObject(says(/needs a title/));
    await expect(bad({ language: 'en', title: 'x', body: '' })).rejects.toMatchObject(says(/needs a text/));
    await expect(bad({ language: 'de', title: 'x', body: 'y' })).rejects.toMatchObject(says(/language/));
    await expect(bad({ language: 'en', title: 'x\u0000', body: 'y' })).rejects.toMatchObject(says(/NUL/));
    await expect(bad({ language: 'en', title: 'x', body: 'y'.repeat(20_001) })).rejects.toMatchObject(
      says(/at most 20000/),
    );
    await expect(bad({ language: 'en', title: 'x', body: 'y', status: 'published' })).rejects.toMatchObject({
      status: 400,
    });
    await expect(
      ada.call('updateKnowledgeArticle', { params: { id: a.id }, body: { language: 'en', title: '', body: 'x' } }),
    ).rejects.toMatchObject(says(/needs a title/));
    const search = (query: object) => ann.call('searchKnowledge', { query: query as { q: string } });
    await expect(search({ q: '' })).rejects.toMatchObject(says(/type something/));
    await expect(search({ q: 'x'.repeat(201) })).rejects.toMatchObject(says(/at most 200/));
    await expect(search({ q: 'x', limit: 0 })).rejects.toMatchObject(says(/at least 1/));
    await expect(search({ q: 'x', language: 'de' })).rejects.toMatchObject({ status: 400 });
    await expect(ann.call('getKnowledgeArticle', { params: { id: 'not-a-uuid' } })).rejects.toMatchObject({
      status: 400,
    });
    // Operators and stray quotes are words to websearch_to_tsquery, never a syntax error.
    expect(await titles(ann, `invoices & | ! ( ) :* " ' <->`)).toEqual(['Invoices']);
    expect((await page('not-a-uuid')).status).toBe(404);
    expect((await page('00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect(await rowsOf(org)).toEqual(before);
  });
});
