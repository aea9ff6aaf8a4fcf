import type { ImportRowResult, RecordsImportRequest, RecordsImportResult } from '@switchboard/protocol';
import { DomainError } from '../../domain/errors.js';
import { parseCsv } from '../../domain/records/csv.js';
import { checkRow, readHeader, type ImportValues } from '../../domain/records/import-rows.js';
import type { Db } from '../../store/db.js';
import { accountByNameOrExternalId, updateAccount } from '../../store/records/accounts.js';
import { updateContact } from '../../store/records/contacts.js';
import { idsByExternalId, insertMany } from '../../store/records/import.js';
import type { Parsed, RecordsKit } from './kit.js';

type Good = { line: number; values: ImportValues; accountId?: string | null };

const contactValues = (g: Good) => ({
  name: g.values.name,
  externalId: g.values.externalId,
  email: g.values.email,
  mobilePhone: g.values.phone,
  jobTitle: g.values.jobTitle,
  city: g.values.city,
  category: g.values.category,
  relationshipType: g.values.relationshipType,
  preferredContactMethod: g.values.preferredContactMethod,
  accountId: g.accountId ?? null,
});
const accountValues = (g: Good) => ({
  name: g.values.name,
  externalId: g.values.externalId,
  email: g.values.email,
  mainPhone: g.values.phone,
  city: g.values.city,
  category: g.values.category,
  relationshipType: g.values.relationshipType,
});

/**
 * AG9: the admin imports contacts or accounts from a CSV, a chunk per call. Every row is checked
 * (domain/records/import-rows.ts); the good ones are written in one transaction (a row whose external
 * id is known updates that record), each bad one is answered with its file line and reason.
 */
export function importUseCases(kit: RecordsKit) {
  const { clock } = kit;

  async function resolveAccounts(tx: Db, orgId: string, good: Good[], bad: ImportRowResult[]): Promise<Good[]> {
    const cache = new Map<string, Awaited<ReturnType<typeof accountByNameOrExternalId>>>();
    const kept: Good[] = [];
    for (const g of good) {
      const ref = g.values.account;
      if (!ref) {
        kept.push({ ...g, accountId: null });
        continue;
      }
      if (!cache.has(ref)) cache.set(ref, await accountByNameOrExternalId(tx, orgId, ref));
      const found = cache.get(ref);
      if (found === 'ambiguous')
        bad.push({ line: g.line, ok: false, reason: `more than one account is named "${ref}"` });
      else if (!found) bad.push({ line: g.line, ok: false, reason: `no account has the name or external id "${ref}"` });
      else kept.push({ ...g, accountId: found.id });
    }
    return kept;
  }

  return {
    async importRecords(orgId: string, req: Parsed<typeof RecordsImportRequest>): Promise<RecordsImportResult> {
      const parsed = parseCsv(req.csv);
      if ('error' in parsed)
        throw new DomainError('invalid', `line ${parsed.line + (req.firstLine ?? 2) - 2}: ${parsed.error}`);
      const [header, ...rows] = parsed.records;
      if (!header) throw new DomainError('invalid', 'the CSV has no header line');
      const head = readHeader(req.kind, header.fields);
      if ('error' in head) throw new DomainError('invalid', `header: ${head.error}`);
      // Lines of the file: the chunk's first row after its header is `firstLine`.
      const offset = (req.firstLine ?? 2) - (header.line + 1);
      const bad: ImportRowResult[] = [];
      const good: Good[] = [];
      const seen = new Map<string, number>();
      for (const r of rows) {
        const check = checkRow(req.kind, head.columns, { ...r, line: r.line + offset });
        if (!check.ok) {
          bad.push({ line: check.line, ok: false, reason: check.reason });
          continue;
        }
        const ext = check.values.externalId;
        if (ext && seen.has(ext)) {
          bad.push({ line: check.line, ok: false, reason: `external id "${ext}" is on line ${seen.get(ext)} too` });
          continue;
        }
        if (ext) seen.set(ext, check.line);
        good.push({ line: check.line, values: check.values });
      }
      const done = await kit.command(async (tx) => {
        const rowBad: ImportRowResult[] = [];
        const kept = req.kind === 'contacts' ? await resolveAccounts(tx, orgId, good, rowBad) : good;
        const known = await idsByExternalId(tx, orgId, req.kind, [...seen.keys()]);
        const now = clock.now();
        const results: ImportRowResult[] = [];
        const isKnown = (g: Good) => !!g.values.externalId && known.has(g.values.externalId);
        const fresh = kept.filter((g) => !isKnown(g));
        for (const g of kept.filter(isKnown)) {
          const id = known.get(g.values.externalId!)!;
          if (req.kind === 'contacts') await updateContact(tx, orgId, id, contactValues(g), now);
          else await updateAccount(tx, orgId, id, accountValues(g), now);
          results.push({ line: g.line, ok: true, id });
        }
        const values = fresh.map((g) => (req.kind === 'contacts' ? contactValues(g) : accountValues(g)));
        const ids = await insertMany(tx, orgId, req.kind, values, now);
        fresh.forEach((g, i) => results.push({ line: g.line, ok: true, id: ids[i]! }));
        return { results, rowBad };
      });
      const results = [...done.results, ...done.rowBad, ...bad].sort((a, b) => a.line - b.line);
      const imported = done.results.length;
      return { imported, failed: results.length - imported, results };
    },
  };
}
