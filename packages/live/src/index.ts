/**
 * Client logic every Switchboard app shares (agent, widget, supervisor): pure TypeScript, with
 * clocks, timers, storage and the network passed in, so each app wires it to its own state.
 */
export * from './catch-up.js';
export * from './connection.js';
export * from './conversation-status.js';
export * from './duration.js';
export * from './event-sequence.js';
export * from './outbox.js';
