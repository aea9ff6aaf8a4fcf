import type { DispositionCode, NewDispositionCode, WrapUp, WrapUpForm } from '@switchboard/protocol';
import { dispositionRefusal, storedNote, wrapUpRefusal } from '../domain/conversation/wrap-up-form.js';
import { conflict, notFound } from '../domain/errors.js';
import { updateConversation, type ConversationRow } from '../store/conversations.js';
import type { Db } from '../store/db.js';
import * as store from '../store/disposition-codes.js';
import { isForeignKeyViolation, isUniqueViolation } from '../store/transaction.js';
import type { ConversationKit } from './conversation-kit.js';
import type { StaffIdentity } from './identity.js';

const toCode = (row: store.DispositionCodeRow): DispositionCode => ({ id: row.id, name: row.name, active: row.active });

/** The conversation's wrap-up as `getConversation` shows it: the code named even once retired. */
export async function wrapUpOf(db: Db, c: ConversationRow): Promise<WrapUp> {
  const code = c.dispositionCodeId ? await store.getDispositionCode(db, c.orgId, c.dispositionCodeId) : undefined;
  return { dispositionCodeId: c.dispositionCodeId, dispositionName: code?.name ?? null, note: c.wrapUpNote ?? '' };
}

/**
 * The wrap-up form (AG4): admins keep the organisation's disposition codes; the primary agent saves
 * a code and a summary note on the conversation until it is closed. A code of another organisation
 * is "not found"; a used code is retired, never deleted, so the conversations keep what they say.
 */
export function createWrapUpService(kit: ConversationKit) {
  const { db, clock, command, lockOrThrow, guard } = kit;

  const named = async <T>(name: string, write: () => Promise<T>) => {
    try {
      return await write();
    } catch (err) {
      if (isUniqueViolation(err)) throw conflict(`a disposition code named "${name}" already exists`);
      throw err;
    }
  };
  const used = () =>
    conflict('conversations carry this disposition code: retire it instead (not active), so they keep it');

  return {
    /** Staff pick from the active codes; admins, who edit the list, see the retired ones too. */
    async listCodes(who: StaffIdentity): Promise<DispositionCode[]> {
      return (await store.listDispositionCodes(db, who.orgId, { activeOnly: who.role !== 'admin' })).map(toCode);
    },
    async createCode(orgId: string, c: NewDispositionCode): Promise<DispositionCode> {
      return toCode(await named(c.name, () => store.insertDispositionCode(db, orgId, c)));
    },
    async updateCode(orgId: string, id: string, c: NewDispositionCode): Promise<DispositionCode> {
      const row = await named(c.name, () => store.updateDispositionCode(db, orgId, id, c));
      if (!row) throw notFound(`disposition code ${id}`);
      return toCode(row);
    },
    async deleteCode(orgId: string, id: string): Promise<void> {
      if (!(await store.getDispositionCode(db, orgId, id))) throw notFound(`disposition code ${id}`);
      if (await store.dispositionCodeUsed(db, orgId, id)) throw used();
      try {
        await store.deleteDispositionCode(db, orgId, id);
      } catch (err) {
        // A conversation took the code between the check and the delete.
        if (isForeignKeyViolation(err)) throw used();
        throw err;
      }
    },

    /** Saves the form in one transaction: the conversation locked, the code checked and held while it is taken. */
    async save(who: StaffIdentity, id: string, form: WrapUpForm): Promise<WrapUp> {
      return command(async (tx) => {
        const c = await lockOrThrow(tx, who.orgId, id);
        await guard(tx, who, c, 'wrap-up');
        const facts = { state: c.state, accepted: c.acceptedAt !== null, dispositionCodeId: c.dispositionCodeId };
        const refused = wrapUpRefusal(facts);
        if (refused) throw refused;
        let dispositionName: string | null = null;
        if (form.dispositionCodeId !== null) {
          const code = await store.lockDispositionCode(tx, who.orgId, form.dispositionCodeId);
          const wrong = dispositionRefusal(facts, form.dispositionCodeId, code);
          if (wrong) throw wrong;
          dispositionName = code!.name;
        }
        const note = storedNote(form.note);
        await updateConversation(tx, c.orgId, c.id, {
          dispositionCodeId: form.dispositionCodeId,
          wrapUpNote: note,
          updatedAt: clock.now(),
        });
        return { dispositionCodeId: form.dispositionCodeId, dispositionName, note: note ?? '' };
      });
    },
  };
}

export type WrapUpService = ReturnType<typeof createWrapUpService>;
