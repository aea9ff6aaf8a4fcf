// `npm run bench:search [-- --db embedded|postgres|both --articles 100000 --contacts 1000000 --runs 200]`
// Prints figures; it is not a test. Loads generated knowledge articles in en, nl and fr and contacts
// into one organisation (bulk generate_series inserts), then times the searches an agent runs:
// knowledge search through the service (AG9: per-language full text, ts_rank_cd, ts_headline) and
// contact search through store/records/contacts.ts#searchContacts (AG9: name, email, phone, id).
// Baseline, same run and database: one contact read by primary key; each figure is also a ratio to it.
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../packages/server/src/store/db.js';
import { searchContacts } from '../packages/server/src/store/records/contacts.js';
import { createKnowledgeService } from '../packages/server/src/services/records/knowledge.js';
import { createTarget, parseKinds } from './support/databases.js';
import { fmt, pct, printTable } from './support/format.js';

const { values: args } = parseArgs({
  options: {
    db: { type: 'string' },
    articles: { type: 'string', default: '100000' },
    contacts: { type: 'string', default: '1000000' },
    runs: { type: 'string', default: '200' },
  },
});
const ARTICLES = Number(args.articles);
const CONTACTS = Number(args.contacts);
const RUNS = Number(args.runs);

// Words the generated texts are made of, per language; the queries use other forms of some of them.
const WORDS = {
  en: `invoice payment account password printer delivery order refund shipping login email address
    billing subscription contract device screen battery update network cable router settings error
    customer support manual warranty return label discount coupon price plan upgrade`,
  nl: `factuur betaling rekening wachtwoord printer levering bestelling terugbetaling verzending
    aanmelden adres abonnement contract apparaat scherm batterij netwerk kabel instellingen fout klant
    handleiding garantie retour korting prijs tarief pakket`,
  fr: `facture paiement compte imprimante livraison commande remboursement expédition connexion adresse
    abonnement contrat appareil écran batterie réseau câble paramètres erreur client manuel garantie
    retour remise prix tarif forfait`,
};
const QUERIES = [
  'invoices',
  'password reset',
  'printers not working',
  '"refund order"',
  'facturen',
  'betalingen abonnement',
  'imprimantes',
  'remboursements commande',
  'router -cable',
  'garantie',
];
const FIRST = ['Emma', 'Lucas', 'Léa', 'Noah', 'Sophie', 'Liam', 'Julia', 'Daan', 'Chloé', 'Milan'];
const LAST = ['de Vries', 'Jansen', 'Moreau', 'Bakker', 'Martin', 'Visser', 'Dubois', 'Smit', 'Laurent', 'Mulder'];
const CONTACT_QUERIES = ['emma', 'lucas jan', 'sophie.martin', 'moreau', 'c-4242', '+31612340042', 'chl', 'da'];

const words = (l: keyof typeof WORDS) => WORDS[l].split(/\s+/).filter(Boolean);
const list = (xs: string[]) =>
  sql.join(
    xs.map((x) => sql`${x}::text`),
    sql`, `,
  );

async function seed(db: Db) {
  const orgId = randomUUID();
  await db.execute(
    sql`insert into organizations (id, name, slug) values (${orgId}::uuid, 'Bench', ${'bench-' + orgId})`,
  );
  return orgId;
}

/** `count` articles, a third per language, published, each a title, keywords and a body of generated words. */
async function loadArticles(db: Db, orgId: string, count: number) {
  for (const [i, language] of (['en', 'nl', 'fr'] as const).entries()) {
    const w = words(language);
    const n = w.length;
    const pick = (k: number, m: number) => sql`(array[${list(w)}])[1 + ((g::bigint * ${k} + ${m}) % ${n})::int]`;
    const sentence = (seed: number) =>
      sql`${pick(7, seed)} || ' ' || ${pick(13, seed + 1)} || ' ' || ${pick(31, seed + 2)} || ' ' ||
        ${pick(37, seed + 3)} || ' ' || ${pick(53, seed + 4)} || ' ' || ${pick(71, seed + 5)} || '. '`;
    // Titles of two words make matches in titles rare enough for ranking to matter.
    await db.execute(sql`insert into knowledge_articles (org_id, language, title, keywords, body, status)
      select ${orgId}::uuid, ${language}, ${pick(3, 0)} || ' ' || ${pick(11, 1)} || ' ' || g,
        ${pick(17, 2)} || ' ' || ${pick(19, 3)},
        ${sentence(4)} || ${sentence(10)} || ${sentence(16)} || ${sentence(22)} || ${sentence(28)} ||
          ${sentence(34)} || ${sentence(40)} || ${sentence(46)},
        'published'
      from generate_series(${i * Math.floor(count / 3) + 1}::int, ${(i + 1) * Math.floor(count / 3)}::int) g`);
  }
}

/** `count` contacts: names from the lists above with a number, an email, a mobile number, an external id. */
async function loadContacts(db: Db, orgId: string, count: number) {
  const chunk = 250_000;
  for (let start = 1; start <= count; start += chunk) {
    const end = Math.min(count, start + chunk - 1);
    await db.execute(sql`insert into contacts (org_id, name, external_id, email, mobile_phone, city)
      select ${orgId}::uuid,
        (array[${list(FIRST)}])[1 + g % 10] || ' ' || (array[${list(LAST)}])[1 + (g / 10) % 10] || ' ' || g,
        'C-' || g,
        lower((array[${list(FIRST)}])[1 + g % 10]) || '.' || lower(replace((array[${list(LAST)}])[1 + (g / 10) % 10],
          ' ', '')) || g || '@example.com',
        '+316' || lpad((12340000 + g)::text, 8, '0'),
        'City ' || (g % 500)
      from generate_series(${start}::int, ${end}::int) g`);
  }
}

/**
 * Runs a bulk load with the table's secondary indexes dropped and built again after, as a bulk
 * loader would: one index build is far quicker than a million index inserts, most of all on PGlite.
 */
async function withoutIndexes(db: Db, table: string, load: () => Promise<void>) {
  const indexes = rowsOf<{ name: string; def: string }>(
    await db.execute(sql`select i.indexname as name, i.indexdef as def from pg_indexes i
      where i.tablename = ${table} and i.indexname not in
        (select conname from pg_constraint where conrelid = ${table}::regclass)`),
  );
  for (const i of indexes) await db.execute(sql.raw(`drop index "${i.name}"`));
  await load();
  for (const i of indexes) await db.execute(sql.raw(i.def));
}

async function times(run: (i: number) => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < 5; i++) await run(i); // warm the cache and the plans
  const out: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await run(i);
    out.push(performance.now() - started);
  }
  return out.sort((a, b) => a - b);
}

const rows: string[][] = [];
for (const kind of parseKinds(args.db)) {
  const target = await createTarget(kind);
  const database = await target.open();
  const db = database.db;
  try {
    const orgId = await seed(db);
    let started = performance.now();
    process.stdout.write(`\n${kind}: ${fmt(ARTICLES)} articles ... `);
    await withoutIndexes(db, 'knowledge_articles', () => loadArticles(db, orgId, ARTICLES));
    process.stdout.write(`${fmt((performance.now() - started) / 1000, 1)} s; ${fmt(CONTACTS)} contacts ... `);
    started = performance.now();
    await withoutIndexes(db, 'contacts', () => loadContacts(db, orgId, CONTACTS));
    console.log(`${fmt((performance.now() - started) / 1000, 1)} s`);
    // What autovacuum does on a server and the node's maintenance timer on the embedded database.
    await db.execute(sql`vacuum analyze`);

    const ids = rowsOf<{ id: string }>(
      await db.execute(sql`select id from contacts where org_id = ${orgId}::uuid order by id limit 1000`),
    ).map((r) => r.id);
    const baseline = await times((i) =>
      db.execute(sql`select * from contacts where org_id = ${orgId}::uuid and id = ${ids[i % ids.length]}::uuid`),
    );
    const knowledge = createKnowledgeService({ db, clock: { now: () => new Date() }, publicUrl: () => 'http://x' });
    let hits = 0;
    const articleAny = await times(async (i) => {
      hits += (await knowledge.search(orgId, { q: QUERIES[i % QUERIES.length]!, limit: 10 })).hits.length;
    });
    const articleOne = await times((i) =>
      knowledge.search(orgId, {
        q: QUERIES[i % QUERIES.length]!,
        limit: 10,
        language: (['en', 'nl', 'fr'] as const)[i % 3],
      }),
    );
    let found = 0;
    const contactsTimed = await times(async (i) => {
      found += (await searchContacts(db, orgId, CONTACT_QUERIES[i % CONTACT_QUERIES.length]!, 20)).length;
    });
    const base = pct(baseline, 50);
    const row = (what: string, t: number[]) => [
      kind,
      what,
      fmt(pct(t, 50), 2),
      fmt(pct(t, 99), 2),
      `${fmt(pct(t, 50) / base, 1)}×`,
    ];
    rows.push(
      row('contact by primary key (baseline)', baseline),
      row('articles, every language, top 10', articleAny),
      row('articles, one language, top 10', articleOne),
      row('contacts (searchContacts), top 20', contactsTimed),
    );
    console.log(`  (${fmt(hits / (RUNS + 5), 1)} articles and ${fmt(found / (RUNS + 5), 1)} contacts per search)`);
  } finally {
    await database.close();
    await target.drop();
  }
}
console.log(`\n${RUNS} runs per figure, times in ms\n`);
printTable(['database', 'query', 'p50', 'p99', 'p50 / baseline'], rows);
