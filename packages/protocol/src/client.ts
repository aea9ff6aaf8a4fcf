import { z } from 'zod';
import { routes, type RouteName, type Routes } from './routes.js';

type Part<R, K extends 'params' | 'query' | 'body'> = R extends { [P in K]: infer S extends z.ZodType }
  ? { [P in K]: z.input<S> }
  : { [P in K]?: never };

export type CallInput<N extends RouteName> = Part<Routes[N], 'params'> &
  Part<Routes[N], 'query'> &
  Part<Routes[N], 'body'>;
export type CallOutput<N extends RouteName> = z.infer<Routes[N]['response']>;

/** Thrown for every non-2xx answer; `status` and `body.message` say what went wrong. */
export class ApiCallError extends Error {
  constructor(
    readonly status: number,
    readonly body: { message?: string; error?: string } | null,
  ) {
    super(body?.message ?? `HTTP ${status}`);
    this.name = 'ApiCallError';
  }
}

export type ApiClientOptions = {
  baseUrl: string;
  getToken?: () => string | null | undefined;
  fetch?: typeof fetch;
};

/** A typed REST client over `routes`, used by the apps and the tests. */
export function createApiClient({ baseUrl, getToken, fetch: fetchImpl = fetch }: ApiClientOptions) {
  async function call<N extends RouteName>(name: N, input = {} as CallInput<N>): Promise<CallOutput<N>> {
    const def = routes[name];
    const { params, query, body } = input as {
      params?: Record<string, string>;
      query?: Record<string, unknown>;
      body?: unknown;
    };
    let path: string = def.path;
    for (const [key, value] of Object.entries(params ?? {})) path = path.replace(`:${key}`, encodeURIComponent(value));
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(query ?? {})) if (value !== undefined) search.set(key, String(value));
    const url = `${baseUrl}${path}${search.size ? `?${search}` : ''}`;
    const headers: Record<string, string> = {};
    const token = getToken?.();
    if (token) headers.authorization = `Bearer ${token}`;
    const hasBody = def.method !== 'GET';
    if (hasBody) headers['content-type'] = 'application/json';
    const res = await fetchImpl(url, {
      method: def.method,
      headers,
      body: hasBody ? JSON.stringify(body ?? {}) : undefined,
    });
    const text = await res.text();
    const json = text ? (JSON.parse(text) as unknown) : null;
    if (!res.ok) throw new ApiCallError(res.status, json as { message?: string } | null);
    return json as CallOutput<N>;
  }
  return { call };
}

export type ApiClient = ReturnType<typeof createApiClient>;
