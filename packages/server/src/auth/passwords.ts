import { randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

export const hashPassword = (password: string) => hash(password);

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** How sign-in checks a password; tests inject one to see it is asked even for an unknown email. */
export type PasswordVerifier = {
  verify(passwordHash: string, password: string): Promise<boolean>;
  /** A hash of a random password nobody knows, computed once: checked when there is no account. */
  dummyHash(): Promise<string>;
};

export function argon2Verifier(): PasswordVerifier {
  // Started at once, so the first unknown email does not pay for hashing on top of verifying.
  const dummy = hashPassword(randomBytes(18).toString('base64url'));
  dummy.catch(() => undefined);
  return { verify: verifyPassword, dummyHash: () => dummy };
}
