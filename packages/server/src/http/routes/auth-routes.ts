import type { FastifyInstance } from 'fastify';
import type { TokenIssuer } from '../../auth/tokens.js';
import { verifyPassword } from '../../auth/passwords.js';
import { notFound } from '../../domain/errors.js';
import type { Db } from '../../store/db.js';
import { findUserByEmail, getStaffUser } from '../../store/users.js';
import { listPresences } from '../../store/routing-config.js';
import type { PresenceService } from '../../services/presence.js';
import { HttpError } from '../errors.js';
import { mount } from '../mount.js';

export function authRoutes(app: FastifyInstance, deps: { db: Db; tokens: TokenIssuer; presence: PresenceService }) {
  const { db, tokens } = deps;

  mount(app, tokens, 'login', async ({ body }) => {
    const user = await findUserByEmail(db, body.email);
    // Same answer for an unknown email and a wrong password: no account probing.
    if (!user || !(await verifyPassword(user.passwordHash, body.password))) throw new HttpError(401, 'Wrong email or password');
    // The admin's default presence applies at sign-in (SPEC AG1).
    if (user.role === 'agent') await deps.presence.signIn(user.orgId, user.id);
    const staff = await getStaffUser(db, user.orgId, user.id);
    return { token: await tokens.staff(user), user: staff! };
  });

  mount(app, tokens, 'me', async ({ who }) => {
    const me = await getStaffUser(db, who.orgId, who.userId);
    if (!me) throw notFound('user');
    return me;
  });

  mount(app, tokens, 'setPresence', async ({ who, body }) => {
    await deps.presence.setManual(who.orgId, who.userId, body.presence);
    const me = await getStaffUser(db, who.orgId, who.userId);
    if (!me) throw notFound('user');
    return me;
  });

  mount(app, tokens, 'presenceOptions', async ({ who }) => ({ presences: await listPresences(db, who.orgId) }));
}
