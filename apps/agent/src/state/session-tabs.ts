import { WORKSPACE_LIMITS, type WorkspaceSession, type WorkspaceTab } from '@switchboard/protocol';
import { boundWorkspace, conversationTabId, summaryTabId } from './sessions-store';

/** What a record tab shows: a contact or an account (kind 'record'), or a case (kind 'case'). */
export type RecordKind = 'contact' | 'account' | 'case';

/**
 * A record's tab id in one session. Tab ids are unique in the whole workspace and at most 80
 * characters, so the record's id is kept whole and the conversation's is added without dashes.
 */
export const recordTabId = (kind: RecordKind, recordId: string, conversationId: string) =>
  `${kind}:${recordId}:${conversationId.replaceAll('-', '')}`;

/** The record a tab shows, read back from its id; null for a tab of another kind. */
export function recordOfTab(tab: Pick<WorkspaceTab, 'id' | 'kind'>): { kind: RecordKind; id: string } | null {
  if (tab.kind !== 'record' && tab.kind !== 'case') return null;
  const [kind, id] = tab.id.split(':');
  if ((kind !== 'contact' && kind !== 'account' && kind !== 'case') || !id) return null;
  return { kind, id };
}

export type OpenTabResult = 'opened' | 'full' | 'no-session';

function sessionOf(conversationId: string): WorkspaceSession | undefined {
  return boundWorkspace()
    ?.current()
    .sessions.find((s) => s.conversationId === conversationId);
}

function write(session: WorkspaceSession) {
  boundWorkspace()?.change({ sessions: { [session.id]: session } });
}

/**
 * Opens `tab` in the conversation's session and shows it (AG9): a tab already open is shown
 * again (its title refreshed); a session holds at most WORKSPACE_LIMITS.tabsPerSession tabs, so
 * past that nothing opens and the caller says why.
 */
export function openSessionTab(conversationId: string, tab: WorkspaceTab): OpenTabResult {
  const session = sessionOf(conversationId);
  if (!session) return 'no-session';
  const title = tab.title.slice(0, WORKSPACE_LIMITS.titleChars);
  const known = session.tabs.some((t) => t.id === tab.id);
  if (!known && session.tabs.length >= WORKSPACE_LIMITS.tabsPerSession) return 'full';
  const tabs = known
    ? session.tabs.map((t) => (t.id === tab.id ? { ...t, title } : t))
    : [...session.tabs, { ...tab, title }];
  write({ ...session, tabs, activeTabId: tab.id });
  return 'opened';
}

/** Opens a contact's, an account's or a case's tab in the conversation's session. */
export function openRecordTab(conversationId: string, kind: RecordKind, recordId: string, title: string) {
  return openSessionTab(conversationId, {
    id: recordTabId(kind, recordId, conversationId),
    kind: kind === 'case' ? 'case' : 'record',
    title: title.trim() || kind,
  });
}

export function activateSessionTab(conversationId: string, tabId: string) {
  const session = sessionOf(conversationId);
  if (!session || session.activeTabId === tabId || !session.tabs.some((t) => t.id === tabId)) return;
  write({ ...session, activeTabId: tabId });
}

/** Whether the agent may close a tab: the conversation's own and its summary stay (AG6). */
export const closableTab = (conversationId: string, tabId: string) =>
  tabId !== conversationTabId(conversationId) && tabId !== summaryTabId(conversationId);

/** Closes a tab; the one before it is shown if it was active. */
export function closeSessionTab(conversationId: string, tabId: string) {
  const session = sessionOf(conversationId);
  if (!session || !closableTab(conversationId, tabId)) return;
  const index = session.tabs.findIndex((t) => t.id === tabId);
  if (index < 0) return;
  const tabs = session.tabs.filter((t) => t.id !== tabId);
  const activeTabId = session.activeTabId === tabId ? tabs[Math.max(0, index - 1)]!.id : session.activeTabId;
  write({ ...session, tabs, activeTabId });
}
