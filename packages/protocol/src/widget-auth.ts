import { z } from 'zod';
import { MultiLine, SingleLine } from './common.js';

// Authenticated chat (CH1, CH5): the site signs a JWT (RS256) that names the customer; the widget
// sends it with the start request and the server checks it against the keys the admin set here.

const Issuer = SingleLine(500, { min: 1, minMessage: 'the issuer (iss) is required' });

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** A key URL: https, or http only on this machine (tests, the demo), so keys never travel in the clear. */
export const KeyUrl = SingleLine(2000, { min: 1, minMessage: 'the key URL is required' }).refine((s) => {
  try {
    const url = new URL(s);
    return url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(url.hostname));
  } catch {
    return false;
  }
}, 'the key URL must be an https:// address (http:// only for localhost)');

/** Checked again by the server, which reads the key (an RSA public key of at least 2048 bits). */
const PublicKeyPem = MultiLine(20_000, { min: 1, minMessage: 'the public key is required' }).refine(
  (s) => /-----BEGIN (RSA )?PUBLIC KEY-----/.test(s),
  'the public key must be a PEM that starts with -----BEGIN PUBLIC KEY-----',
);

/**
 * Off; one public key as a PEM; or a key URL (JWKS) whose keys the token's `kid` picks, fetched
 * and cached by the server. The token's `iss` must equal `issuer`.
 */
export const WidgetAuthSettings = z.discriminatedUnion('mode', [
  z.strictObject({ mode: z.literal('off') }),
  z.strictObject({ mode: z.literal('pem'), issuer: Issuer, publicKeyPem: PublicKeyPem }),
  z.strictObject({ mode: z.literal('jwks'), issuer: Issuer, keyUrl: KeyUrl }),
]);
export type WidgetAuthSettings = z.infer<typeof WidgetAuthSettings>;

/** As the server answers it (serialised, not parsed). */
export const WidgetAuthView = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('off') }),
  z.object({ mode: z.literal('pem'), issuer: z.string(), publicKeyPem: z.string() }),
  z.object({ mode: z.literal('jwks'), issuer: z.string(), keyUrl: z.string() }),
]);
export type WidgetAuthView = z.infer<typeof WidgetAuthView>;

/** The site's JWT as the widget sends it with the start request; a JWT is ASCII, three base64url parts. */
export const SiteToken = SingleLine(16_000, { min: 1, minMessage: 'the sign-in token is empty' });
