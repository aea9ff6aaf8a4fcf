import {
  QUICK_REPLY_PLACEHOLDERS,
  unknownPlaceholders,
  type NewQuickReply,
  type QuickReply,
} from '@switchboard/protocol';
import type { Clock } from '../domain/clock.js';
import { DomainError, notFound } from '../domain/errors.js';
import type { Db } from '../store/db.js';
import * as store from '../store/quick-replies.js';
import type { StaffIdentity } from './identity.js';

const toView = (row: store.QuickReplyRow): QuickReply => ({
  id: row.id,
  title: row.title,
  bodies: row.bodies,
  scope: row.ownerId === null ? 'organisation' : 'personal',
  updatedAt: row.updatedAt.toISOString(),
});

const ALLOWED = QUICK_REPLY_PLACEHOLDERS.map((p) => `{${p}}`).join(', ');

/** A placeholder the composer cannot fill would reach the customer as written: refused, naming it. */
function checkBodies(q: NewQuickReply) {
  for (const [language, body] of Object.entries(q.bodies)) {
    const unknown = unknownPlaceholders(body, QUICK_REPLY_PLACEHOLDERS);
    if (unknown.length)
      throw new DomainError(
        'invalid',
        `the ${language} text names ${unknown.map((u) => `{${u}}`).join(', ')}, which is not a placeholder: ` +
          `use ${ALLOWED}`,
      );
  }
}

/**
 * Quick replies (AG4): the organisation's, which admins edit, and each staff member's own, which only
 * they see and edit. Someone else's, or one of the other kind, is "not found": its id tells nothing.
 */
export function createQuickReplyService(deps: { db: Db; clock: Clock }) {
  const { db, clock } = deps;

  async function save(orgId: string, owner: store.QuickReplyOwner, id: string | null, q: NewQuickReply) {
    checkBodies(q);
    if (id === null) return toView(await store.insertQuickReply(db, orgId, owner, q, clock.now()));
    const row = await store.updateQuickReply(db, orgId, owner, id, q, clock.now());
    if (!row) throw notFound(`quick reply ${id}`);
    return toView(row);
  }

  async function remove(orgId: string, owner: store.QuickReplyOwner, id: string) {
    if (!(await store.deleteQuickReply(db, orgId, owner, id))) throw notFound(`quick reply ${id}`);
  }

  return {
    list: async (who: StaffIdentity) => (await store.listQuickReplies(db, who.orgId, who.userId)).map(toView),
    createOwn: (who: StaffIdentity, q: NewQuickReply) => save(who.orgId, who.userId, null, q),
    updateOwn: (who: StaffIdentity, id: string, q: NewQuickReply) => save(who.orgId, who.userId, id, q),
    deleteOwn: (who: StaffIdentity, id: string) => remove(who.orgId, who.userId, id),
    createForOrg: (orgId: string, q: NewQuickReply) => save(orgId, null, null, q),
    updateForOrg: (orgId: string, id: string, q: NewQuickReply) => save(orgId, null, id, q),
    deleteForOrg: (orgId: string, id: string) => remove(orgId, null, id),
  };
}

export type QuickReplyService = ReturnType<typeof createQuickReplyService>;
