import { fail, type ActionFactory } from './action-deps.js';
import { recordOf } from './record-ref.js';

/** openRecord: the workspace opens a contact, account or case in a tab (nothing is written). */
export const openRecord: ActionFactory<'openRecord'> =
  ({ db, conversation: c }) =>
  async (step) => {
    const found = await recordOf(db, c.orgId, step.record, step.ref);
    if (!found.ok) return fail(found.reason);
    return {
      ok: true,
      message: `Opened ${step.record} ${found.label}`,
      open: { kind: step.record, id: found.row.id, label: found.label },
    };
  };
