import { useSyncExternalStore } from 'react';
import type { PrechatValues } from './prechat-validation.js';

/**
 * CH1: answers `Switchboard.startChat({ customContext })` brought that were not enough to start at
 * once: the pre-chat form opens filled with them. `version` remounts the form for a new prefill.
 */
export type Prefill = { version: number; values: Partial<PrechatValues> | undefined };

let current: Prefill = { version: 0, values: undefined };
const listeners = new Set<() => void>();

export function setPrefill(values: Partial<PrechatValues>): void {
  current = { version: current.version + 1, values };
  listeners.forEach((l) => l());
}

export function usePrefill(): Prefill {
  return useSyncExternalStore(
    (l) => (listeners.add(l), () => void listeners.delete(l)),
    () => current,
  );
}
