import type { ContextVariables } from '@switchboard/protocol';
import { isApiFrameToHost, isApiHostToFrame, type ApiFrameToHost, type ApiHostToFrame } from './api-messages.js';

/**
 * The postMessage protocol between the loader (host page) and the chat iframe. Both sides tag
 * their messages with `source: 'switchboard'` so that other scripts' messages are ignored, and
 * both check the sender's origin and window before trusting one.
 * Only type imports from the protocol here: the loader must stay free of zod.
 */
export const BRIDGE_SOURCE = 'switchboard';

export type FrameToHostType = 'ready' | 'open' | 'close';
export type FrameToHost = { source: typeof BRIDGE_SOURCE; type: FrameToHostType } | ApiFrameToHost;

export type HostToFrame =
  | { source: typeof BRIDGE_SOURCE; type: 'open' | 'close' }
  | { source: typeof BRIDGE_SOURCE; type: 'context'; context: ContextVariables }
  | ApiHostToFrame;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function isFrameToHost(data: unknown): data is FrameToHost {
  if (isApiFrameToHost(data)) return true;
  return (
    isRecord(data) &&
    data.source === BRIDGE_SOURCE &&
    (data.type === 'ready' || data.type === 'open' || data.type === 'close')
  );
}

export function isHostToFrame(data: unknown): data is HostToFrame {
  if (!isRecord(data) || data.source !== BRIDGE_SOURCE) return false;
  if (isApiHostToFrame(data)) return true;
  if (data.type === 'open' || data.type === 'close') return true;
  return data.type === 'context' && isRecord(data.context);
}

/** Server limits (ContextVariables in the protocol), repeated here so the loader needs no zod. */
const MAX_VARS = 50;
const MAX_KEY = 100;
const MAX_STRING = 1000;

/**
 * Keeps what the server accepts as context: a flat record of strings, finite numbers and
 * booleans. Anything else is dropped rather than failing the whole chat start.
 */
export function sanitizeContext(raw: unknown): ContextVariables {
  const out: ContextVariables = {};
  if (!isRecord(raw)) return out;
  let count = 0;
  for (const [key, value] of Object.entries(raw)) {
    if (count >= MAX_VARS) break;
    if (!key || key.length > MAX_KEY) continue;
    if (typeof value === 'string') out[key] = value.slice(0, MAX_STRING);
    else if (typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value))) out[key] = value;
    else continue;
    count++;
  }
  return out;
}
