import type { NewNote, Note } from '@switchboard/protocol';
import { notFound } from '../../domain/errors.js';
import { getAccount } from '../../store/records/accounts.js';
import { getCase } from '../../store/records/cases.js';
import { getContact } from '../../store/records/contacts.js';
import { readLinks } from '../../store/records/links.js';
import { insertNote, notesByIds } from '../../store/records/notes.js';
import type { Db } from '../../store/db.js';
import type { StaffIdentity } from '../identity.js';
import type { RecordsKit } from './kit.js';
import { linkUseCases } from './links.js';
import { noteView } from './views.js';

async function recordExists(tx: Db, orgId: string, kind: NewNote['recordType'], id: string) {
  const found =
    kind === 'contact'
      ? await getContact(tx, orgId, id)
      : kind === 'account'
        ? await getAccount(tx, orgId, id)
        : await getCase(tx, orgId, id);
  if (!found) throw notFound(`${kind} ${id}`);
}

/** CV4: a note on a contact, an account or a case; during a conversation, whoever may read it writes one. */
export function noteUseCases(kit: RecordsKit) {
  const { clock } = kit;
  const links = linkUseCases(kit);
  return {
    async createNote(who: StaffIdentity, body: NewNote): Promise<Note> {
      const orgId = who.orgId;
      const id = await kit.command(async (tx) => {
        await recordExists(tx, orgId, body.recordType, body.recordId);
        if (body.conversationId) {
          const c = await readLinks(tx, orgId, body.conversationId);
          if (!c) throw notFound('conversation');
          await links.mayRead(who, c, tx);
        }
        return insertNote(
          tx,
          orgId,
          {
            contactId: body.recordType === 'contact' ? body.recordId : null,
            accountId: body.recordType === 'account' ? body.recordId : null,
            caseId: body.recordType === 'case' ? body.recordId : null,
            conversationId: body.conversationId ?? null,
            body: body.body,
            authorId: who.role === 'api' ? null : who.userId,
          },
          clock.now(),
        );
      });
      const [row] = await notesByIds(kit.db, orgId, [id]);
      return noteView(row!);
    },
  };
}
