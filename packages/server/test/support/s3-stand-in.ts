import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local S3 for tests (AG4), in-process: path-style buckets, objects in memory, and every request
 * checked as S3 checks it: AWS Signature V4 recomputed from the known secret, the payload hash
 * compared with the body, S3's XML error on a mismatch. So a wrongly signed request fails here as there.
 */
export type S3StandIn = {
  url: string;
  bucket: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
  objects: Map<string, { data: Buffer; contentType: string }>;
  /** Requests refused, with S3's error code. */
  refused: { method: string; path: string; code: string }[];
  close(): Promise<void>;
};

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');
const hmac = (key: Buffer | string, data: string) => createHmac('sha256', key).update(data).digest();
/** RFC 3986 encoding, as SigV4 wants for query keys and values. */
const encode = (s: string) =>
  encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

function xmlError(res: ServerResponse, status: number, code: string, message: string) {
  res.writeHead(status, { 'content-type': 'application/xml' });
  res.end(`<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message></Error>`);
}

/** SigV4's Authorization header: the key id, the scope's date and region, the signed headers, the signature. */
const AUTHORIZATION = new RegExp(
  '^AWS4-HMAC-SHA256 Credential=([^/]+)/(\\d{8})/([^/]+)/s3/aws4_request, ?' +
    'SignedHeaders=([^,]+), ?Signature=([0-9a-f]{64})$',
);

type Verdict = { ok: true } | { ok: false; status: number; code: string; message: string };

function verify(req: IncomingMessage, body: Buffer, secret: string, accessKeyId: string): Verdict {
  const auth = req.headers.authorization ?? '';
  const m = AUTHORIZATION.exec(auth);
  if (!m) return { ok: false, status: 403, code: 'AccessDenied', message: 'Missing or malformed Authorization' };
  const [, keyId, date, region, signedHeaders, signature] = m as unknown as string[];
  if (keyId !== accessKeyId)
    return { ok: false, status: 403, code: 'InvalidAccessKeyId', message: 'The AWS Access Key Id does not exist' };
  const amzDate = String(req.headers['x-amz-date'] ?? '');
  const payloadHash = String(req.headers['x-amz-content-sha256'] ?? '');
  if (!payloadHash.startsWith('UNSIGNED') && !payloadHash.startsWith('STREAMING') && payloadHash !== sha256(body))
    return { ok: false, status: 400, code: 'XAmzContentSHA256Mismatch', message: 'The payload hash does not match' };
  const [path, query = ''] = (req.url ?? '/').split('?') as [string, string?];
  const canonicalQuery = query
    .split('&')
    .filter(Boolean)
    .map((p) => p.split('=').map((x) => encode(decodeURIComponent(x ?? ''))) as [string, string?])
    .map(([k, v]) => `${k}=${v ?? ''}`)
    .sort()
    .join('&');
  const names = signedHeaders!.split(';');
  const canonicalHeaders = names
    .map(
      (n) =>
        `${n}:${String(req.headers[n] ?? '')
          .trim()
          .replace(/\s+/g, ' ')}\n`,
    )
    .join('');
  const canonical = [req.method, path, canonicalQuery, canonicalHeaders, signedHeaders, payloadHash].join('\n');
  const scope = `${date}/${region}/s3/aws4_request`;
  const toSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256(canonical)].join('\n');
  const key = hmac(hmac(hmac(hmac(`AWS4${secret}`, date!), region!), 's3'), 'aws4_request');
  const expected = createHmac('sha256', key).update(toSign).digest();
  if (!timingSafeEqual(expected, Buffer.from(signature!, 'hex')))
    return {
      ok: false,
      status: 403,
      code: 'SignatureDoesNotMatch',
      message: 'The request signature we calculated does not match the signature you provided',
    };
  return { ok: true };
}

export async function startS3StandIn(
  opts: { bucket?: string; accessKeyId?: string; secretAccessKey?: string } = {},
): Promise<S3StandIn> {
  const bucket = opts.bucket ?? 'switchboard-test';
  const credentials = {
    accessKeyId: opts.accessKeyId ?? 'AKIASTANDIN000000000',
    secretAccessKey: opts.secretAccessKey ?? 'stand-in-secret-key-0123456789abcdefghij',
  };
  const objects: S3StandIn['objects'] = new Map();
  const refused: S3StandIn['refused'] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const path = (req.url ?? '/').split('?')[0]!;
      const fail = (status: number, code: string, message: string) => {
        refused.push({ method: req.method ?? '', path, code });
        xmlError(res, status, code, message);
      };
      const verdict = verify(req, body, credentials.secretAccessKey, credentials.accessKeyId);
      if (!verdict.ok) return fail(verdict.status, verdict.code, verdict.message);
      const [, b, ...rest] = path.split('/');
      const key = decodeURIComponent(rest.join('/'));
      if (b !== bucket) return fail(404, 'NoSuchBucket', 'The specified bucket does not exist');
      if (req.method === 'PUT') {
        objects.set(key, { data: body, contentType: String(req.headers['content-type'] ?? 'binary/octet-stream') });
        res.writeHead(200, { etag: `"${createHash('md5').update(body).digest('hex')}"` });
        return res.end();
      }
      const object = objects.get(key);
      if (req.method === 'GET') {
        if (!object) return fail(404, 'NoSuchKey', 'The specified key does not exist.');
        res.writeHead(200, { 'content-type': object.contentType, 'content-length': object.data.length });
        return res.end(object.data);
      }
      if (req.method === 'DELETE') {
        objects.delete(key);
        res.writeHead(204);
        return res.end();
      }
      fail(405, 'MethodNotAllowed', 'The specified method is not allowed against this resource.');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    bucket,
    credentials,
    objects,
    refused,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** The server settings that point ATTACHMENT_STORE at a stand-in, signing with `secret` (the right one by default). */
export const s3Env = (s3: S3StandIn, secret = s3.credentials.secretAccessKey): Record<string, string> => ({
  ATTACHMENT_STORE: 's3',
  S3_BUCKET: s3.bucket,
  S3_REGION: 'eu-west-1',
  S3_ENDPOINT: s3.url,
  S3_FORCE_PATH_STYLE: 'true',
  S3_ACCESS_KEY_ID: s3.credentials.accessKeyId,
  S3_SECRET_ACCESS_KEY: secret,
});
