import { z } from 'zod';
import { routes, type RouteName, type Routes } from './routes.js';

type Part<R, K extends 'params' | 'query' | 'body'> = R extends { [P in K]: infer S extends z.ZodType }
  ? { [P in K]: z.input<S> }
  : { [P in K]?: never };

export type CallInput<N extends RouteName> = Part<Routes[N], 'params'> &
  Part<Routes[N], 'query'> &
  Part<Routes[N], 'body'>;
export type CallOutput<N extends RouteName> = z.infer<Routes[N]['response']>;
type RawBodyRoute = { [N in RouteName]: Routes[N] extends { rawBody: true } ? N : never }[RouteName];
type BinaryRoute = { [N in RouteName]: Routes[N] extends { binary: true } ? N : never }[RouteName];

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
  type Parts = { params?: Record<string, string>; query?: Record<string, unknown>; body?: unknown };
  function request(name: RouteName, input: Parts) {
    const def = routes[name];
    let path: string = def.path;
    for (const [key, value] of Object.entries(input.params ?? {}))
      path = path.replace(`:${key}`, encodeURIComponent(value));
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(input.query ?? {}))
      if (value !== undefined) search.set(key, String(value));
    const headers: Record<string, string> = {};
    const token = getToken?.();
    if (token) headers.authorization = `Bearer ${token}`;
    return { url: `${baseUrl}${path}${search.size ? `?${search}` : ''}`, headers, method: def.method };
  }
  async function answer<T>(res: Response): Promise<T> {
    const text = await res.text();
    const json = text ? (JSON.parse(text) as unknown) : null;
    if (!res.ok) throw new ApiCallError(res.status, json as { message?: string } | null);
    return json as T;
  }

  async function call<N extends RouteName>(name: N, input = {} as CallInput<N>): Promise<CallOutput<N>> {
    const { url, headers, method } = request(name, input as Parts);
    const hasBody = method !== 'GET';
    if (hasBody) headers['content-type'] = 'application/json';
    const body = hasBody ? JSON.stringify((input as Parts).body ?? {}) : undefined;
    return answer(await fetchImpl(url, { method, headers, body }));
  }

  /** A route whose body is a file (`rawBody`): sent as it is, with the file's own Content-Type. */
  async function upload<N extends RawBodyRoute>(name: N, input: CallInput<N>, file: Blob): Promise<CallOutput<N>> {
    const { url, headers, method } = request(name, input as Parts);
    headers['content-type'] = file.type || 'application/octet-stream';
    return answer(await fetchImpl(url, { method, headers, body: file }));
  }

  /** A route that answers with a file (`binary`), fetched with the caller's credentials. */
  async function download<N extends BinaryRoute>(name: N, input: CallInput<N>): Promise<Blob> {
    const { url, headers, method } = request(name, input as Parts);
    const res = await fetchImpl(url, { method, headers });
    if (!res.ok) return answer(res);
    return res.blob();
  }
  return { call, upload, download };
}

export type ApiClient = ReturnType<typeof createApiClient>;
