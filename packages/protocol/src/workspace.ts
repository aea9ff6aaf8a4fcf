import { z } from 'zod';
import { Id, INT4_MAX, MultiLine, SingleLine } from './common.js';
import { MAX_MESSAGE_BYTES } from './messages.js';

/**
 * The agent's workspace (AG3): sessions side by side, each with its tabs, the draft of every
 * conversation and where each tab was scrolled. Stored on the server per agent with a version;
 * every browser tab of the agent shows the same. Every size has a bound, so one agent's state
 * stays small whatever a client sends.
 */
export const WORKSPACE_LIMITS = {
  /** Sessions stored, whatever the organisation allows (its session limit is at most this). */
  sessions: 30,
  tabsPerSession: 10,
  titleChars: 120,
  /** A draft may be as long as a message that can be sent. */
  draftChars: MAX_MESSAGE_BYTES,
  /** Pixels: far beyond any conversation's height. */
  scrollMax: 10_000_000,
  /** Keys one write may change in each of sessions, drafts and scroll. */
  changedKeys: 60,
} as const;

/** What a tab shows; only conversations for now, the others come with their features. */
export const WorkspaceTabKind = z.enum(['conversation', 'customer-summary', 'case', 'knowledge', 'record']);
export type WorkspaceTabKind = z.infer<typeof WorkspaceTabKind>;

/** A tab id the client picks, unique in the workspace (e.g. `conversation:<id>`); never `__proto__`. */
export const WorkspaceTabId = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9:-]{0,79}$/, 'a tab id is a letter, then up to 79 letters, digits, ":" or "-"');

export const WorkspaceTab = z.strictObject({
  id: WorkspaceTabId,
  kind: WorkspaceTabKind,
  title: SingleLine(WORKSPACE_LIMITS.titleChars),
});
export type WorkspaceTab = z.infer<typeof WorkspaceTab>;

export const WorkspaceSession = z
  .strictObject({
    id: Id,
    conversationId: Id,
    tabs: z
      .array(WorkspaceTab)
      .min(1, 'a session has at least one tab')
      .max(WORKSPACE_LIMITS.tabsPerSession, `at most ${WORKSPACE_LIMITS.tabsPerSession} tabs in a session`),
    activeTabId: WorkspaceTabId,
  })
  .refine((s) => new Set(s.tabs.map((t) => t.id)).size === s.tabs.length, 'two tabs of a session share an id')
  .refine((s) => s.tabs.some((t) => t.id === s.activeTabId), 'activeTabId is not one of the session’s tabs');
export type WorkspaceSession = z.infer<typeof WorkspaceSession>;

export const WorkspaceDraft = MultiLine(WORKSPACE_LIMITS.draftChars, { trim: false });
export const WorkspaceScroll = z.number().int().min(0).max(WORKSPACE_LIMITS.scrollMax);

export const WorkspaceState = z.object({
  sessions: z.array(WorkspaceSession).max(WORKSPACE_LIMITS.sessions),
  activeSessionId: Id.nullable(),
  /** Unsent text per conversation id. */
  drafts: z.record(Id, z.string()),
  /** Scroll position per tab id. */
  scroll: z.record(WorkspaceTabId, z.number().int()),
});
export type WorkspaceState = z.infer<typeof WorkspaceState>;

export const emptyWorkspaceState = (): WorkspaceState => ({
  sessions: [],
  activeSessionId: null,
  drafts: {},
  scroll: {},
});

export const Workspace = z.object({ version: z.number().int(), state: WorkspaceState });
export type Workspace = z.infer<typeof Workspace>;

const atMostKeys = (o: Record<string, unknown>) => Object.keys(o).length <= WORKSPACE_LIMITS.changedKeys;
const keysMessage = (what: string) => `at most ${WORKSPACE_LIMITS.changedKeys} ${what} in one write`;

/**
 * One write's changes, field by field: each session (by id; null closes it), the active session,
 * each draft (by conversation id; null or '' drops it) and each tab's scroll. The last write of a
 * field wins; fields a write leaves out keep what another tab wrote.
 */
export const WorkspaceChanges = z.strictObject({
  sessions: z
    .record(Id, WorkspaceSession.nullable())
    .refine(atMostKeys, keysMessage('sessions'))
    .refine((o) => Object.entries(o).every(([id, s]) => s === null || s.id === id), 'a session is keyed by its own id')
    .optional(),
  activeSessionId: Id.nullable().optional(),
  drafts: z.record(Id, WorkspaceDraft.nullable()).refine(atMostKeys, keysMessage('drafts')).optional(),
  scroll: z
    .record(WorkspaceTabId, WorkspaceScroll.nullable())
    .refine(atMostKeys, keysMessage('scroll positions'))
    .optional(),
});
export type WorkspaceChanges = z.infer<typeof WorkspaceChanges>;

/** `baseVersion` is the version the client last saw; a stale one still merges, field by field. */
export const WorkspaceWrite = z.strictObject({
  baseVersion: z.number().int().min(0).max(INT4_MAX),
  changes: WorkspaceChanges,
});
export type WorkspaceWrite = z.input<typeof WorkspaceWrite>;

/** Pushed to the agent's own sockets after a write commits: what changed, and the version it made. */
export const WorkspaceChanged = z.object({ version: z.number().int(), changes: WorkspaceChanges });
export type WorkspaceChanged = z.infer<typeof WorkspaceChanged>;
