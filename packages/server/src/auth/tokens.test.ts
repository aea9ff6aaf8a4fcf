import { describe, expect, it, vi } from 'vitest';
import { createTokenIssuer, type TokenCheck, type TokenClaims } from './tokens.js';

const ids = { sessionId: crypto.randomUUID(), userId: crypto.randomUUID(), orgId: crypto.randomUUID() };

function issuer(start = new Date('2026-12-02T10:00:00Z')) {
  let now = start;
  const clock = { now: () => now };
  const answers: TokenCheck[] = [];
  const check = vi.fn(async (claims: TokenClaims): Promise<TokenCheck> => {
    return (
      answers.shift() ?? { ok: true, who: { kind: 'visitor', orgId: claims.org, conversationId: claims.sub, name: '' } }
    );
  });
  const tokens = createTokenIssuer('s'.repeat(48), check, clock);
  return { tokens, check, answers, advance: (ms: number) => (now = new Date(now.getTime() + ms)) };
}

describe('token checks', () => {
  it('asks the database on every use, also when the signature was verified before', async () => {
    const t = issuer();
    const token = await t.tokens.staff({ ...ids, expiresAt: new Date('2026-12-02T11:00:00Z') });
    expect((await t.tokens.authenticate(token)).ok).toBe(true);
    t.answers.push({ ok: false, message: 'You signed out of this session; sign in again' });
    expect(await t.tokens.authenticate(token)).toEqual({
      ok: false,
      message: 'You signed out of this session; sign in again',
    });
    expect(t.check).toHaveBeenCalledTimes(2);
    expect(t.check.mock.calls[1]![0]).toMatchObject({ typ: 'staff', sid: ids.sessionId, sub: ids.userId });
  });

  it('refuses a verified token once it has expired, without asking the database', async () => {
    const t = issuer();
    const token = await t.tokens.staff({ ...ids, expiresAt: new Date('2026-12-02T10:30:00Z') });
    expect((await t.tokens.authenticate(token)).ok).toBe(true);
    t.advance(30 * 60_000 - 1000);
    expect((await t.tokens.authenticate(token)).ok).toBe(true);
    t.advance(1000);
    expect(await t.tokens.authenticate(token)).toEqual({
      ok: false,
      message: 'The token is invalid or has expired; sign in again',
    });
    expect(t.check).toHaveBeenCalledTimes(2);
  });

  it('refuses a token whose signature does not match, however often it is sent', async () => {
    const t = issuer();
    const token = await t.tokens.staff({ ...ids, expiresAt: new Date('2026-12-02T11:00:00Z') });
    const [head, body, sig] = token.split('.');
    const forged = `${head}.${body}.${sig!.slice(0, -2)}${sig!.endsWith('AA') ? 'BB' : 'AA'}`;
    for (let i = 0; i < 2; i++) expect((await t.tokens.authenticate(forged)).ok).toBe(false);
    const other = createTokenIssuer('o'.repeat(48), t.check, { now: () => new Date('2026-12-02T10:00:00Z') });
    expect((await other.authenticate(token)).ok).toBe(false);
    expect(t.check).not.toHaveBeenCalled();
  });
});
