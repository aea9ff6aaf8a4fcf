import http from 'node:http';

/**
 * The load generator's HTTP client: just what the protocol client uses of `fetch` (status, ok,
 * text), on node:http with kept-alive connections. The benchmark's clients share the machine's
 * cores with the server and the database; Node's built-in fetch (undici and web streams) took half
 * a core of them at 2,400 messages a second, which the server then lacked.
 */
export function lightFetch(): typeof fetch {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  const request = (url: string, init: RequestInit = {}) =>
    new Promise<Response>((resolve, reject) => {
      const body = typeof init.body === 'string' ? init.body : undefined;
      const headers = { ...(init.headers as Record<string, string> | undefined) };
      if (body !== undefined) headers['content-length'] = String(Buffer.byteLength(body));
      const req = http.request(url, { method: init.method ?? 'GET', headers, agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          const status = res.statusCode ?? 0;
          resolve({ status, ok: status >= 200 && status < 300, text: async () => text } as Response);
        });
      });
      req.on('error', reject);
      req.end(body);
    });
  return ((input: string | URL | Request, init?: RequestInit) => request(String(input), init)) as typeof fetch;
}
