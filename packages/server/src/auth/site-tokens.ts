import { createPublicKey, type KeyObject } from 'node:crypto';
import { createRemoteJWKSet, decodeProtectedHeader, errors, jwtVerify, type JWTPayload } from 'jose';
import { DomainError } from '../domain/errors.js';
import { CLOCK_TOLERANCE_SECONDS } from '../domain/widgets/site-token-claims.js';
import type { SiteAuthSettings } from '../store/schema.js';

// The signature half of a site's sign-in token (CH1, CH5), with jose: RS256 only, against the
// widget's PEM or the keys at its key URL (JWKS, picked by `kid`). The claims' rules are in
// domain/widgets/site-token-claims.ts.

export type SignatureCheck = { ok: true; claims: JWTPayload } | { ok: false; message: string };

const MIN_RSA_BITS = 2048;
/** Key URLs kept (their keys cached by jose): a bound, not every URL an admin ever typed. */
const MAX_REMOTE_SETS = 500;

/** The admin's PEM as a key, or a 400 that says what is wrong with it. */
export function readPublicKey(pem: string): KeyObject {
  let key: KeyObject;
  try {
    key = createPublicKey({ key: pem, format: 'pem' });
  } catch {
    throw new DomainError('invalid', 'the public key is not a readable PEM (-----BEGIN PUBLIC KEY----- ...)');
  }
  if (key.asymmetricKeyType !== 'rsa') throw new DomainError('invalid', 'the public key must be an RSA key (RS256)');
  const bits = key.asymmetricKeyDetails?.modulusLength ?? 0;
  if (bits < MIN_RSA_BITS) throw new DomainError('invalid', `the RSA key must have at least ${MIN_RSA_BITS} bits`);
  return key;
}

export type SiteTokenVerifier = ReturnType<typeof createSiteTokenVerifier>;

/**
 * `cacheMs`: how long a key URL's keys are kept; `cooldownMs`: the least time between two fetches
 * of one URL, so tokens with made-up `kid`s cannot make us hammer the site.
 */
export function createSiteTokenVerifier(opts: { cacheMs?: number; cooldownMs?: number; timeoutMs?: number } = {}) {
  const pems = new Map<string, KeyObject>();
  const remote = new Map<string, ReturnType<typeof createRemoteJWKSet>>();

  function remoteSet(url: string) {
    let set = remote.get(url);
    if (!set) {
      if (remote.size >= MAX_REMOTE_SETS) remote.delete(remote.keys().next().value!);
      set = createRemoteJWKSet(new URL(url), {
        cacheMaxAge: opts.cacheMs ?? 10 * 60_000,
        cooldownDuration: opts.cooldownMs ?? 30_000,
        timeoutDuration: opts.timeoutMs ?? 5_000,
      });
      remote.set(url, set);
    }
    return set;
  }

  function pemKey(pem: string) {
    let key = pems.get(pem);
    if (!key) {
      if (pems.size >= MAX_REMOTE_SETS) pems.delete(pems.keys().next().value!);
      key = readPublicKey(pem);
      pems.set(pem, key);
    }
    return key;
  }

  return {
    async verify(token: string, settings: SiteAuthSettings, now: Date): Promise<SignatureCheck> {
      let header: ReturnType<typeof decodeProtectedHeader>;
      try {
        header = decodeProtectedHeader(token);
      } catch {
        return { ok: false, message: 'sign-in token refused: it is not a JWT' };
      }
      // Before any key is touched: `none` and HS256 (a public key used as an HMAC secret) never pass.
      if (header.alg !== 'RS256')
        return { ok: false, message: `sign-in token refused: it must be signed with RS256, not ${String(header.alg)}` };
      const options = { algorithms: ['RS256'], currentDate: now, clockTolerance: CLOCK_TOLERANCE_SECONDS };
      try {
        const { payload } =
          settings.mode === 'pem'
            ? await jwtVerify(token, pemKey(settings.publicKeyPem), options)
            : await jwtVerify(token, remoteSet(settings.keyUrl), options);
        return { ok: true, claims: payload };
      } catch (err) {
        return { ok: false, message: `sign-in token refused: ${reason(err, header.kid)}` };
      }
    },
  };
}

function reason(err: unknown, kid: string | undefined): string {
  if (err instanceof errors.JWSSignatureVerificationFailed) return "its signature does not match the widget's key";
  if (err instanceof errors.JWTExpired) return 'it has expired (exp)';
  if (err instanceof errors.JWTClaimValidationFailed) return `its ${err.claim} claim is not valid (${err.reason})`;
  if (err instanceof errors.JWKSNoMatchingKey)
    return kid
      ? `no key at the widget's key URL has its kid "${kid}"`
      : "it has no kid to pick a key at the widget's key URL";
  if (err instanceof errors.JWKSMultipleMatchingKeys) return 'several keys at the key URL match: give the token a kid';
  if (err instanceof errors.JWKSTimeout) return "the widget's key URL did not answer in time";
  if (err instanceof errors.JWKSInvalid) return "the widget's key URL does not serve a JSON Web Key Set";
  if (err instanceof errors.JOSEError) return `it is not valid (${err.message})`;
  if (err instanceof DomainError) return err.message;
  // fetch failed (no such host, refused connection): the site's key server, not the token.
  return "the widget's key URL could not be read";
}
