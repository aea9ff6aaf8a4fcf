import MessagingClient, { type TeleSignRequest, type TeleSignTransport } from 'telesignsdk/src/MessagingClient.js';
import type { SendIo } from '../adapter.js';

export type MessageType = 'ARN' | 'MKT' | 'OTP';

/** TeleSign's JSON answer, as far as we read it; `{}` when it sent none. */
export type TeleSignBody = {
  reference_id?: unknown;
  status?: { code?: unknown; description?: unknown };
  errors?: unknown;
};

export type TeleSignAnswer =
  | { kind: 'answered'; httpStatus: number; body: TeleSignBody }
  /** No answer: refused connection, DNS, timeout. Worth retrying. */
  | { kind: 'unreachable'; reason: string }
  /** The SDK could not build the request; retrying will not help. */
  | { kind: 'broken'; reason: string };

export type Sms = { phoneDigits: string; text: string; messageType: MessageType };

/**
 * Sends one SMS with the SDK's MessagingClient, which encodes and signs the request (TSA HMAC).
 * The SDK's stock transport loses the HTTP status (it passes the body's `status` object in its
 * place), fails on an answer that is not JSON and logs each network error to stderr; so ours does
 * the exchange itself, keeps the status and honours `io.timeoutMs`. CH2.
 */
export function sendSms(credentials: { customerId: string; apiKey: string }, io: SendIo, sms: Sms) {
  return new Promise<TeleSignAnswer>((resolve) => {
    // The answer comes back through the transport, so the SDK's own callback is never called.
    const transport: TeleSignTransport = { request: (request) => void exchange(request).then(resolve) };
    try {
      const baseUrl = io.apiBaseUrl.replace(/\/+$/, '');
      const client = new MessagingClient(transport, credentials.customerId, credentials.apiKey, baseUrl, io.timeoutMs);
      client.message(() => undefined, sms.phoneDigits, sms.text, sms.messageType);
    } catch (err) {
      resolve({ kind: 'broken', reason: `the TeleSign SDK could not build the request: ${describeError(err)}` });
    }
  });
}

async function exchange(request: TeleSignRequest): Promise<TeleSignAnswer> {
  try {
    const response = await fetch(request.url, {
      method: request.method,
      headers: request.headers,
      body: request.body,
      signal: AbortSignal.timeout(request.timeout),
    });
    return { kind: 'answered', httpStatus: response.status, body: bodyOf(await response.text()) };
  } catch (err) {
    const timedOut = err instanceof Error && err.name === 'TimeoutError';
    const reason = timedOut ? `TeleSign did not answer within ${request.timeout} ms` : describeError(err);
    return { kind: 'unreachable', reason: timedOut ? reason : `TeleSign unreachable: ${reason}` };
  }
}

function bodyOf(text: string): TeleSignBody {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? value : {};
  } catch {
    return {};
  }
}

/** TeleSign's status code and its words, with the errors it lists: "Not authorized (10008 Invalid Signature.)". */
export function readStatus(body: TeleSignBody): { code: number | null; description: string } {
  const code = Number(body.status?.code);
  const said = typeof body.status?.description === 'string' ? body.status.description : '';
  const errors = Array.isArray(body.errors) ? body.errors : [];
  const details = errors
    .map((e: { code?: unknown; description?: unknown }) =>
      [e?.code, e?.description].filter((part) => part !== undefined),
    )
    .map((parts) => parts.join(' '))
    .filter((text) => text !== '')
    .join('; ');
  const description = details === '' ? said : said === '' ? details : `${said} (${details})`;
  return { code: body.status?.code !== undefined && Number.isFinite(code) ? code : null, description };
}

function describeError(err: unknown): string {
  const cause = err instanceof Error ? (err.cause as { code?: string; message?: string } | undefined) : undefined;
  return cause?.code ?? cause?.message ?? (err instanceof Error ? err.message : String(err));
}
