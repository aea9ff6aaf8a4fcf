export * from './common.js';
export * from './auth.js';
export * from './messages.js';
export * from './events.js';
export * from './conversations.js';
export * from './widget.js';
export * from './routes.js';
export * from './client.js';
