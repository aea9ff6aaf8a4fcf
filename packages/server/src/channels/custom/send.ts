import type { OutboundMessage } from '@switchboard/protocol';
import type { SendIo, SendOutcome } from '../adapter.js';
import type { CustomConfig } from './config.js';
import { signatureHeaders } from './signature.js';

/**
 * One reply to the program (CH7): a signed JSON POST to the channel's outbound URL, the message's id
 * as `Idempotency-Key` so the program can drop a retry it already has. A redirect is not followed
 * (a POST redirected may arrive as a GET, or at a host the admin never named). Never throws.
 */
export async function sendToProgram(message: OutboundMessage, config: CustomConfig, io: SendIo): Promise<SendOutcome> {
  const url = io.apiBaseUrl;
  if (!url) return refused('no outbound URL set: give the channel the URL where its program takes replies');
  if (!URL.canParse(url) || !/^https?:$/.test(new URL(url).protocol)) {
    return refused(`the outbound URL ${url} is not an http or https URL`);
  }
  const id = message.idempotencyKey;
  const from = message.from ?? config.numbers[0]!;
  const body = JSON.stringify({ type: 'outbound-message', id, to: message.to, from, text: message.text });
  let status: number;
  let answer: string;
  try {
    const res = await fetch(url, {
      method: 'POST',
      redirect: 'manual',
      headers: {
        'Content-Type': 'application/json',
        'Idempotency-Key': id,
        ...signatureHeaders(config.sharedSecret, body),
      },
      body,
      signal: AbortSignal.timeout(io.timeoutMs),
    });
    status = res.status;
    answer = await res.text();
  } catch (err) {
    const name = (err as { name?: unknown } | null)?.name;
    if (name === 'TimeoutError' || name === 'AbortError') {
      return { ok: false, retryable: true, reason: `the program did not answer within ${io.timeoutMs} ms` };
    }
    return { ok: false, retryable: true, reason: `the program could not be reached at ${url}: ${causeOf(err)}` };
  }
  if (status >= 200 && status < 300) return { ok: true, providerMessageId: programIdOf(answer) ?? id, status: 'sent' };
  const said = `the program answered ${status}${answer.trim() ? `: ${answer.trim().slice(0, 200)}` : ''}`;
  return { ok: false, retryable: status === 429 || status >= 500, reason: said };
}

const refused = (reason: string): SendOutcome => ({ ok: false, retryable: false, reason });

/** The program's own id for the message, when its answer is JSON that names one. */
function programIdOf(answer: string): string | null {
  try {
    const id = (JSON.parse(answer) as { id?: unknown } | null)?.id;
    return typeof id === 'string' && id.trim() !== '' && id.length <= 200 ? id : null;
  } catch {
    return null;
  }
}

/** fetch says "fetch failed"; what failed (ECONNREFUSED, ENOTFOUND ...) is in its cause. */
function causeOf(err: unknown): string {
  const cause = (err as { cause?: { code?: unknown; message?: unknown } } | null)?.cause;
  return String(cause?.code ?? cause?.message ?? (err as Error | null)?.message ?? err);
}
