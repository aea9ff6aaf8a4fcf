export { formatDuration } from '@switchboard/live';

/** Whole seconds left until `deadline`, rounded up so that "0" means it has passed. */
export function secondsLeft(deadline: string, now: number): number {
  return Math.max(0, Math.ceil((Date.parse(deadline) - now) / 1000));
}
