import { generateKeyPairSync } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, exportSPKI, generateKeyPair, SignJWT, UnsecuredJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainError } from '../domain/errors.js';
import { createSiteTokenVerifier, readPublicKey } from './site-tokens.js';

// CH1, CH5: the signature half of a site's sign-in token, with keys made here by jose.
type Keys = Awaited<ReturnType<typeof generateKeyPair>>;
const now = new Date();
const secs = Math.floor(now.getTime() / 1000);
const ISS = 'https://shop.example';

let site: Keys;
let other: Keys;
let pem: string;
let jwks: Server;
let keyUrl: string;
let fetches = 0;

const sign = (key: Keys['privateKey'], header: Record<string, unknown> = {}, exp = secs + 600) =>
  new SignJWT({})
    .setProtectedHeader({ alg: 'RS256', ...header })
    .setIssuer(ISS)
    .setSubject('CUST-1')
    .setIssuedAt(secs)
    .setExpirationTime(exp)
    .sign(key);

beforeAll(async () => {
  site = await generateKeyPair('RS256', { extractable: true });
  other = await generateKeyPair('RS256', { extractable: true });
  pem = await exportSPKI(site.publicKey);
  const jwk = { ...(await exportJWK(site.publicKey)), kid: 'site-2026', alg: 'RS256', use: 'sig' };
  // The site's key URL: a JWKS, counted so the cache can be seen.
  jwks = createServer((_req, res) => {
    fetches++;
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
  keyUrl = `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/keys.json`;
});

afterAll(() => new Promise<void>((resolve) => jwks.close(() => resolve())));

describe('site token signatures with a PEM (CH1)', () => {
  const verifier = createSiteTokenVerifier();
  const settings = () => ({ mode: 'pem' as const, issuer: ISS, publicKeyPem: pem });

  it('accepts a token signed with the site key and gives its claims', async () => {
    const result = await verifier.verify(await sign(site.privateKey), settings(), now);
    expect(result).toMatchObject({ ok: true, claims: { iss: ISS, sub: 'CUST-1' } });
  });

  it('refuses a token signed with another key', async () => {
    const result = await verifier.verify(await sign(other.privateKey), settings(), now);
    expect(result).toEqual({
      ok: false,
      message: "sign-in token refused: its signature does not match the widget's key",
    });
  });

  it('refuses an expired token', async () => {
    const result = await verifier.verify(await sign(site.privateKey, {}, secs - 3600), settings(), now);
    expect(result).toMatchObject({ ok: false, message: expect.stringMatching(/expired/) });
  });

  it('refuses alg none', async () => {
    const token = new UnsecuredJWT({ sub: 'CUST-1', iss: ISS })
      .setIssuedAt(secs)
      .setExpirationTime(secs + 600)
      .encode();
    const result = await verifier.verify(token, settings(), now);
    expect(result).toEqual({ ok: false, message: 'sign-in token refused: it must be signed with RS256, not none' });
  });

  it('refuses HS256 signed with the public key as the secret (algorithm confusion)', async () => {
    const token = await new SignJWT({ sub: 'CUST-1', iss: ISS })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuedAt(secs)
      .setExpirationTime(secs + 600)
      .sign(new TextEncoder().encode(pem));
    const result = await verifier.verify(token, settings(), now);
    expect(result).toEqual({ ok: false, message: 'sign-in token refused: it must be signed with RS256, not HS256' });
  });

  it('refuses what is not a JWT', async () => {
    expect(await verifier.verify('not.a.jwt', settings(), now)).toMatchObject({ ok: false });
    expect(await verifier.verify('garbage', settings(), now)).toEqual({
      ok: false,
      message: 'sign-in token refused: it is not a JWT',
    });
  });
});

describe('site token signatures with a key URL (JWKS, CH1)', () => {
  it('picks the key by kid, and fetches the key set once for many tokens', async () => {
    const verifier = createSiteTokenVerifier();
    const settings = { mode: 'jwks' as const, issuer: ISS, keyUrl };
    fetches = 0;
    for (let i = 0; i < 3; i++) {
      const result = await verifier.verify(await sign(site.privateKey, { kid: 'site-2026' }), settings, now);
      expect(result.ok).toBe(true);
    }
    expect(fetches).toBe(1);
  });

  it('refuses an unknown kid, saying which', async () => {
    const verifier = createSiteTokenVerifier();
    const settings = { mode: 'jwks' as const, issuer: ISS, keyUrl };
    const result = await verifier.verify(await sign(other.privateKey, { kid: 'stolen' }), settings, now);
    expect(result).toEqual({
      ok: false,
      message: `sign-in token refused: no key at the widget's key URL has its kid "stolen"`,
    });
  });

  it('refuses a token signed by another key under the known kid', async () => {
    const verifier = createSiteTokenVerifier();
    const settings = { mode: 'jwks' as const, issuer: ISS, keyUrl };
    const result = await verifier.verify(await sign(other.privateKey, { kid: 'site-2026' }), settings, now);
    expect(result).toMatchObject({ ok: false, message: expect.stringMatching(/signature does not match/) });
  });

  it('says so when the key URL cannot be read', async () => {
    const verifier = createSiteTokenVerifier({ timeoutMs: 2000 });
    const settings = { mode: 'jwks' as const, issuer: ISS, keyUrl: 'http://127.0.0.1:1/keys.json' };
    const result = await verifier.verify(await sign(site.privateKey, { kid: 'site-2026' }), settings, now);
    expect(result).toMatchObject({ ok: false, message: expect.stringMatching(/key URL/) });
  });
});

describe('readPublicKey (the admin PEM)', () => {
  it('reads an RSA public key of 2048 bits', () => {
    expect(readPublicKey(pem).asymmetricKeyType).toBe('rsa');
  });

  it('refuses a non-PEM, an EC key and a short RSA key', async () => {
    expect(() => readPublicKey('-----BEGIN PUBLIC KEY-----\nnope\n-----END PUBLIC KEY-----')).toThrow(/readable PEM/);
    const ec = await generateKeyPair('ES256', { extractable: true });
    expect(() => readPublicKey('')).toThrow(DomainError);
    await expect(exportSPKI(ec.publicKey).then(readPublicKey)).rejects.toThrow(/must be an RSA key/);
    const short = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({ type: 'spki', format: 'pem' });
    expect(() => readPublicKey(String(short))).toThrow(/at least 2048 bits/);
  });
});
