import type { Role } from '@switchboard/protocol';

/** A signed-in staff member as the database has them now (role and name read per request). */
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

export const isSupervisorOrAdmin = (who: StaffIdentity) => who.role === 'supervisor' || who.role === 'admin';
