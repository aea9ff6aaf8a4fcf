import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { hashPassword } from '../auth/passwords.js';
import { conflict, DomainError } from '../domain/errors.js';
import { slugOf } from '../domain/naming/slug.js';
import type { Db } from '../store/db.js';
import { emailTaken, insertOrganisation, slugTaken } from '../store/organisations.js';
import { workstreamSettings } from '../store/routing-config.js';

export const MIN_PASSWORD_LENGTH = 8;

export const NewOrganisation = z.object({
  name: z
    .string()
    .trim()
    .min(1, 'the organisation needs a name')
    .max(200, 'an organisation name is at most 200 characters'),
  adminEmail: z.email('the admin email is not a valid email address').max(320),
  adminPassword: z
    .string()
    .min(MIN_PASSWORD_LENGTH, `the admin password must be at least ${MIN_PASSWORD_LENGTH} characters`)
    .max(200, 'the admin password is at most 200 characters'),
  adminName: z.string().trim().min(1).max(200).optional(),
});
export type NewOrganisation = z.input<typeof NewOrganisation>;

export type CreatedOrganisation = {
  orgId: string;
  slug: string;
  adminId: string;
  adminEmail: string;
  widgetId: string;
  queueId: string;
};

/**
 * Hosting several organisations: a new one with its first admin, default settings, a queue, a
 * workstream and a chat widget, so the admin can sign in and take chats at once (`npm run org:create`).
 */
export async function createOrganisation(db: Db, input: NewOrganisation): Promise<CreatedOrganisation> {
  const parsed = NewOrganisation.safeParse(input);
  if (!parsed.success) throw new DomainError('invalid', parsed.error.issues.map((i) => i.message).join('; '));
  const o = parsed.data;
  if (await emailTaken(db, o.adminEmail))
    throw conflict(`The email ${o.adminEmail} already belongs to an account; pick another one`);
  const base = slugOf(o.name, 'org');
  const slug = (await slugTaken(db, base)) ? `${base}-${randomBytes(3).toString('hex')}` : base;
  const passwordHash = await hashPassword(o.adminPassword);
  const settings = workstreamSettings({
    channel: 'messaging',
    distribution: 'push',
    capacity: { kind: 'units', units: 1 },
    allowedPresences: ['available', 'busy'],
  });
  try {
    const rows = await db.transaction((tx) =>
      insertOrganisation(tx, {
        name: o.name,
        slug,
        admin: { email: o.adminEmail, name: o.adminName ?? o.adminEmail.split('@')[0]!, passwordHash },
        queueName: 'General',
        workstream: { name: 'Website chat', settings },
        widget: { id: `${slug}-${randomBytes(3).toString('hex')}`, title: `Chat with ${o.name}` },
      }),
    );
    return { ...rows, slug, adminEmail: o.adminEmail };
  } catch (err) {
    // Two creations racing for one email or name: the unique index decides, the loser gets words.
    if (isUniqueViolation(err))
      throw conflict(`The email ${o.adminEmail} or the organisation name was just taken; try again`);
    throw err;
  }
}

function isUniqueViolation(err: unknown): boolean {
  for (let e = err as { code?: string; cause?: unknown } | undefined; e; e = e.cause as typeof e)
    if (e.code === '23505') return true;
  return false;
}
