export * from './sequence.js';
export * from './outbox.js';
