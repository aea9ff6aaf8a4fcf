import type { NewStaffAccount, StaffAccount, StaffAccountChange } from '@switchboard/protocol';
import { hashPassword } from '../auth/passwords.js';
import type { Clock } from '../domain/clock.js';
import { conflict, notFound } from '../domain/errors.js';
import { accountChangeRefusal } from '../domain/users/account-rules.js';
import {
  activeAdmins,
  emailInUse,
  insertAccount,
  listAccounts,
  lockAccount,
  updateAccount,
} from '../store/accounts.js';
import type { Db } from '../store/db.js';
import { transaction, isUniqueViolation } from '../store/transaction.js';
import type { StaffIdentity } from './identity.js';

const TAKEN = 'that email is already in use';

/**
 * The admin's user management (AD1): add people with a first password, change their name, email
 * or role, disable or enable them, reset their password. Sessions check the user row on every
 * request, so a role change or a disabled account holds from the next request on.
 */
export function createAccountService({ db, clock }: { db: Db; clock: Clock }) {
  const unique = (err: unknown) => {
    if (isUniqueViolation(err)) throw conflict(TAKEN);
    throw err;
  };

  return {
    list: (who: StaffIdentity) => listAccounts(db, who.orgId),

    async create(who: StaffIdentity, input: NewStaffAccount): Promise<StaffAccount> {
      if (await emailInUse(db, input.email)) throw conflict(TAKEN);
      const passwordHash = await hashPassword(input.password);
      return insertAccount(db, who.orgId, {
        name: input.name,
        email: input.email,
        role: input.role,
        passwordHash,
      }).catch(unique);
    },

    async update(who: StaffIdentity, id: string, change: StaffAccountChange): Promise<StaffAccount> {
      // Hashed before the transaction: argon2 takes a while, and nothing is locked meanwhile.
      const passwordHash = change.password === undefined ? undefined : await hashPassword(change.password);
      return transaction(db, async (tx) => {
        const target = await lockAccount(tx, who.orgId, id);
        if (!target) throw notFound('user');
        const refusal = accountChangeRefusal({
          meId: who.userId,
          target: { id: target.id, role: target.role, disabled: target.disabledAt !== null },
          change: { role: change.role, disabled: change.disabled },
          activeAdmins: await activeAdmins(tx, who.orgId),
        });
        if (refusal) throw refusal;
        if (await emailInUse(tx, change.email, id)) throw conflict(TAKEN);
        const disabledAt = change.disabled ? (target.disabledAt ?? clock.now()) : null;
        const saved = await updateAccount(tx, who.orgId, id, {
          name: change.name,
          email: change.email,
          role: change.role,
          disabledAt,
          ...(passwordHash ? { passwordHash } : {}),
        });
        if (!saved) throw notFound('user');
        return saved;
      }).catch(unique);
    },
  };
}

export type AccountService = ReturnType<typeof createAccountService>;
