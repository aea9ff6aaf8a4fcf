import type { Role } from '@switchboard/protocol';
import { overseesOrganisation } from '../domain/users/route-access.js';

/**
 * A signed-in staff member as the database has them now (role and name read per request). An API
 * client (role `api`, AD1) has no session: `sessionId` is then the id of the key it sent.
 */
export type StaffIdentity = {
  kind: 'staff';
  userId: string;
  orgId: string;
  role: Role;
  name: string;
  sessionId: string;
};
/** `widgetId`: the widget the chat started on (absent in tokens issued before it was recorded). */
export type VisitorIdentity = {
  kind: 'visitor';
  orgId: string;
  conversationId: string;
  name: string;
  widgetId?: string;
};
export type Identity = StaffIdentity | VisitorIdentity;

/** Supervisors, admins and API clients: they read and watch the whole organisation's work. */
export const oversees = (who: StaffIdentity) => overseesOrganisation(who.role);
