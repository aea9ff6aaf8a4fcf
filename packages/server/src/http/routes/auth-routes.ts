import type { FastifyInstance } from 'fastify';
import type { TokenIssuer } from '../../auth/tokens.js';
import { notFound } from '../../domain/errors.js';
import type { Db } from '../../store/db.js';
import { getStaffUser } from '../../store/users.js';
import { listPresences } from '../../store/routing-config.js';
import type { PresenceService } from '../../services/presence.js';
import type { StaffSessions } from '../../services/staff-sessions.js';
import { HttpError } from '../errors.js';
import { mount } from '../mount.js';

export function authRoutes(
  app: FastifyInstance,
  deps: {
    db: Db;
    tokens: TokenIssuer;
    presence: PresenceService;
    sessions: StaffSessions;
    onSignedOut: (sessionId: string) => void | Promise<void>;
  },
) {
  const { db, tokens } = deps;

  mount(app, tokens, 'login', async ({ body }) => {
    const session = await deps.sessions.signIn(body.email, body.password);
    // Same answer for an unknown email, a disabled account and a wrong password: no account probing.
    if (!session) throw new HttpError(401, 'Wrong email or password');
    // The admin's default presence applies at sign-in (AG1).
    if (session.role === 'agent') await deps.presence.signIn(session.orgId, session.userId);
    const staff = await getStaffUser(db, session.orgId, session.userId);
    return { token: await tokens.staff(session), user: staff! };
  });

  mount(app, tokens, 'logout', async ({ who }) => {
    await deps.sessions.signOut(who);
    // Sockets opened with this session stop too (on every node), not only its next request.
    await deps.onSignedOut(who.sessionId);
    return { ok: true as const };
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
