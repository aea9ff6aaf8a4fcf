import type { Role } from '@switchboard/protocol';

/** What the access rule reads of a staff route (the protocol's route table). */
export type RouteAccess = {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** The roles it names; absent: every staff role. */
  roles?: readonly Role[];
  /** A person's own desk, or a step that shows them to others in a conversation. */
  person?: boolean;
};

const ROLE_NAMES: Record<Role, string> = {
  agent: 'agents',
  supervisor: 'supervisors',
  admin: 'admins',
  api: 'API clients',
};

/**
 * Why `role` may not call this route, or null (AD1). People: the route's roles. An API client sees
 * what a supervisor sees and gives a supervisor's commands: it may call a route a supervisor may,
 * when that route only reads or is a supervisor's own (its roles name supervisors). So never an
 * admin route (its keys cannot change the configuration or make more keys), never an agent's own
 * desk or command (it is routed nothing and is no one in a conversation).
 */
export function routeRefusal(role: Role, route: RouteAccess): string | null {
  if (role !== 'api') {
    if (!route.roles || route.roles.includes(role)) return null;
    return `Only ${route.roles.map((r) => ROLE_NAMES[r]).join(' and ')} may do this`;
  }
  if (route.roles && !route.roles.includes('supervisor')) return 'An API client cannot call admin routes';
  if (route.person) return 'An API client has no desk of its own: presence, workspace, offers and joins are for people';
  if (!route.roles && route.method !== 'GET')
    return "An API client reads and gives supervisors' commands; it cannot act as an agent";
  return null;
}

/** Supervisors, admins and API clients read every conversation of the organisation and watch its work. */
export const overseesOrganisation = (role: Role) => role !== 'agent';

/** Only people sign in with a password; an API client sends a key. */
export const signsInWithPassword = (role: Role) => role !== 'api';

/** Events over Socket.IO are for the staff apps; an API client uses the REST API. */
export const opensEventSocket = (role: Role) => role !== 'api';
