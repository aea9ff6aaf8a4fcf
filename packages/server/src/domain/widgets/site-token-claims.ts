import { ContextVariables } from '@switchboard/protocol';

/** Clocks of the site and of Switchboard differ a little: a minute either way still counts. */
export const CLOCK_TOLERANCE_SECONDS = 60;
const MAX_SUB = 200;

export type SiteClaimsCheck = { ok: true; sub: string; context: ContextVariables } | { ok: false; message: string };

type Expected = { issuer: string; widgetId: string; now: Date };

const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/**
 * The claims of a site's sign-in token whose RS256 signature stood (CH1, CH5): `iss` is the issuer
 * the admin set; `iat` not in the future; `exp` present and still ahead; `nbf`, when given, passed;
 * `aud`, when given, names this widget, so a token for another widget of the same site is refused
 * (a site that omits `aud` accepts that one token opens any widget with the same key); `sub` names
 * the customer (checked against contacts by the service). `lwicontexts`, a JSON string or object,
 * becomes context variables under the same bounds as the host page's.
 */
export function checkSiteClaims(claims: Record<string, unknown>, expected: Expected): SiteClaimsCheck {
  const now = expected.now.getTime() / 1000;
  const fail = (message: string): SiteClaimsCheck => ({ ok: false, message: `sign-in token refused: ${message}` });

  if (claims.iss !== expected.issuer)
    return fail(`its issuer (iss) is ${JSON.stringify(claims.iss ?? null)}, the widget expects "${expected.issuer}"`);
  if (!isNumber(claims.exp)) return fail('it has no expiry (exp)');
  if (claims.exp + CLOCK_TOLERANCE_SECONDS <= now) return fail('it has expired (exp)');
  if (!isNumber(claims.iat)) return fail('it has no issue time (iat)');
  if (claims.iat - CLOCK_TOLERANCE_SECONDS > now) return fail('it was issued in the future (iat)');
  if (claims.nbf !== undefined && (!isNumber(claims.nbf) || claims.nbf - CLOCK_TOLERANCE_SECONDS > now))
    return fail('it is not valid yet (nbf)');
  if (claims.aud !== undefined) {
    const audiences = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
    if (!audiences.includes(expected.widgetId)) return fail(`it is for another widget (aud), not ${expected.widgetId}`);
  }
  const sub = claims.sub;
  if (typeof sub !== 'string' || sub.trim() === '') return fail('it names no customer (sub)');
  if (sub.length > MAX_SUB) return fail(`its sub is longer than ${MAX_SUB} characters`);

  const context = readContexts(claims.lwicontexts);
  if (!context.ok) return fail(context.message);
  return { ok: true, sub, context: context.value };
}

function readContexts(raw: unknown): { ok: true; value: ContextVariables } | { ok: false; message: string } {
  if (raw === undefined || raw === null) return { ok: true, value: {} };
  let value: unknown = raw;
  if (typeof raw === 'string') {
    try {
      value = JSON.parse(raw);
    } catch {
      return { ok: false, message: 'lwicontexts is not JSON' };
    }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { ok: false, message: 'lwicontexts is not an object of context variables' };
  const parsed = ContextVariables.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.length ? ` (${issue.path.join('.')})` : '';
    return { ok: false, message: `lwicontexts${where}: ${issue.message}` };
  }
  return { ok: true, value: parsed.data };
}
