import type { FastifyInstance } from 'fastify';
import { HttpError } from './errors.js';

/**
 * The first key of a parsed body that could reach an object's prototype: `__proto__` anywhere, or
 * `constructor` holding `prototype`. Walked with a stack, so a body nested a million deep is safe.
 */
export function forbiddenKey(value: unknown): string | undefined {
  const stack: [unknown, string][] = [[value, '']];
  for (let top = stack.pop(); top; top = stack.pop()) {
    const [node, path] = top;
    if (typeof node !== 'object' || node === null) continue;
    const isArray = Array.isArray(node);
    for (const key of Object.keys(node)) {
      const child = (node as Record<string, unknown>)[key];
      const at = isArray ? `${path}[${key}]` : path ? `${path}.${key}` : key;
      if (!isArray && key === '__proto__') return at;
      if (
        !isArray &&
        key === 'constructor' &&
        typeof child === 'object' &&
        child !== null &&
        Object.hasOwn(child, 'prototype')
      ) {
        return `${at}.prototype`;
      }
      stack.push([child, at]);
    }
  }
  return undefined;
}

/**
 * Parses JSON bodies in place of Fastify's parser, whose one message for every failure ("Body is
 * not valid JSON") also covered valid JSON with a `__proto__` key. Each refusal says what is wrong (X3).
 */
export function installJsonBody(app: FastifyInstance): void {
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, text, done) => {
    const source = String(text);
    if (source.trim() === '')
      return done(
        new HttpError(400, 'The body is empty; with Content-Type application/json send a JSON value'),
        undefined,
      );
    let value: unknown;
    try {
      value = JSON.parse(source);
    } catch (err) {
      return done(new HttpError(400, `Body is not valid JSON: ${(err as Error).message}`), undefined);
    }
    const key = forbiddenKey(value);
    if (key)
      return done(
        new HttpError(
          400,
          `Body is valid JSON but has the key "${key}", which is refused: it could change an object's prototype`,
        ),
        undefined,
      );
    done(null, value);
  });
}
