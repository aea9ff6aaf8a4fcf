import { parseApiKey, secretMatches } from '../auth/api-keys.js';
import type { TokenCheck } from '../auth/tokens.js';
import type { Clock } from '../domain/clock.js';
import { keyRefusal, LAST_USED_STEP_MS, lastUsedDue } from '../domain/users/api-keys.js';
import { findApiKeys, touchApiKey } from '../store/api-clients.js';
import { coalesce } from '../store/coalesce.js';
import type { Db } from '../store/db.js';

const NOT_A_KEY = 'This API key is not valid; check that it was copied whole';

/**
 * Whether a presented API key (AD1) stands, as staff sessions decide for tokens: the key, its
 * client and organisation are read on every request (no cache), so a revoked key or a disabled
 * client or organisation is refused from the next request on, on every node. The identity is the
 * client's as a staff member with the role `api`; its `sessionId` is the key's id.
 */
export function createApiKeyAuth(deps: { db: Db; clock: Clock; inFlight?: number; onTouchFailed?(e: unknown): void }) {
  const { db, clock } = deps;
  const keyByPrefix = coalesce({
    max: 500,
    inFlight: deps.inFlight ?? 1,
    run: async (prefixes: string[]) => {
      const found = new Map((await findApiKeys(db, [...new Set(prefixes)])).map((k) => [k.prefix, k]));
      return prefixes.map((p) => found.get(p));
    },
  });

  return async function check(key: string): Promise<TokenCheck> {
    const parsed = parseApiKey(key);
    if (!parsed) return { ok: false, message: NOT_A_KEY };
    const k = await keyByPrefix(parsed.prefix);
    // Hashed and compared even for an unknown prefix, so timing does not tell which prefixes exist.
    const matches = secretMatches(parsed.secret, k?.secretHash ?? '0'.repeat(64)) && k !== undefined;
    const refusal = keyRefusal({
      matches,
      role: k?.role ?? 'api',
      revoked: k?.revokedAt != null,
      clientDisabled: k?.userDisabledAt != null,
      orgDisabled: k?.orgDisabledAt != null,
    });
    if (refusal || !k) return { ok: false, message: refusal ?? NOT_A_KEY };
    const now = clock.now();
    if (lastUsedDue(k.lastUsedAt, now)) {
      // Bookkeeping, not a reason to refuse the request: a failed write is tried again next request.
      await touchApiKey(db, { orgId: k.orgId, id: k.id, at: now, stepMs: LAST_USED_STEP_MS }).catch((err: unknown) =>
        deps.onTouchFailed?.(err),
      );
    }
    return {
      ok: true,
      who: { kind: 'staff', userId: k.userId, orgId: k.orgId, role: k.role, name: k.name, sessionId: k.id },
    };
  };
}
