import type { ContextVariables, JourneyActionInput } from '@switchboard/protocol';

/**
 * The bridge messages of the host page's JavaScript API (CH1, docs/widget-api.md), beside the
 * handshake in bridge.ts. Type imports only: the loader stays free of zod.
 */
export type ApiEventName = 'ready' | 'chatStarted' | 'chatEnded' | 'messageReceived' | 'unreadCount' | 'error';
export const API_EVENTS: readonly ApiEventName[] = [
  'ready',
  'chatStarted',
  'chatEnded',
  'messageReceived',
  'unreadCount',
  'error',
];

/** A tracked action as the loader keeps it: `key` names it until the server has it. */
export type PendingAction = JourneyActionInput & { key: string };

type Tagged<T> = T & { source: 'switchboard' };

export type ApiFrameToHost = Tagged<
  | { type: 'event'; name: Exclude<ApiEventName, 'ready'>; detail: Record<string, unknown> }
  /** Whether a chat is going on: tracking goes straight to it, else it waits in the host page. */
  | { type: 'chat'; active: boolean }
  /** The start request carried these waiting actions: the loader forgets them. */
  | { type: 'journey-taken'; keys: string[] }
  | { type: 'resume-link'; requestId: string; token: string | null }
>;

export type ApiHostToFrame = Tagged<
  | { type: 'start-chat' }
  | { type: 'end-chat' }
  /** The actions waiting for a chat, for its start request. */
  | { type: 'journey'; actions: PendingAction[] }
  | { type: 'track'; actions: PendingAction[] }
  | { type: 'resume'; token: string }
  | { type: 'resume-link-request'; requestId: string }
>;

export type { ContextVariables };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isString = (v: unknown, max = 4000): v is string => typeof v === 'string' && v.length <= max;
const KINDS = new Set(['page-visited', 'search', 'article-viewed', 'custom']);

function isPendingAction(v: unknown): v is PendingAction {
  return (
    isRecord(v) &&
    isString(v.key, 100) &&
    typeof v.kind === 'string' &&
    KINDS.has(v.kind) &&
    isString(v.name) &&
    isString(v.at, 40) &&
    (v.detail === undefined || isRecord(v.detail))
  );
}
const isActions = (v: unknown): v is PendingAction[] => Array.isArray(v) && v.length <= 200 && v.every(isPendingAction);

export function isApiFrameToHost(data: unknown): data is ApiFrameToHost {
  if (!isRecord(data) || data.source !== 'switchboard') return false;
  switch (data.type) {
    case 'event':
      return typeof data.name === 'string' && API_EVENTS.includes(data.name as ApiEventName) && isRecord(data.detail);
    case 'chat':
      return typeof data.active === 'boolean';
    case 'journey-taken':
      return Array.isArray(data.keys) && data.keys.every((k) => isString(k, 100));
    case 'resume-link':
      return isString(data.requestId, 100) && (data.token === null || isString(data.token));
    default:
      return false;
  }
}

export function isApiHostToFrame(data: unknown): data is ApiHostToFrame {
  if (!isRecord(data) || data.source !== 'switchboard') return false;
  switch (data.type) {
    case 'start-chat':
    case 'end-chat':
      return true;
    case 'journey':
    case 'track':
      return isActions(data.actions);
    case 'resume':
      return isString(data.token);
    case 'resume-link-request':
      return isString(data.requestId, 100);
    default:
      return false;
  }
}

/** Drops the loader's `key` before an action goes to the server (its schema is strict). */
export const toJourneyInput = ({ key: _key, ...action }: PendingAction): JourneyActionInput => action;
