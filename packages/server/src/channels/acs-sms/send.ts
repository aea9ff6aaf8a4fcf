import { randomUUID } from 'node:crypto';
import type { SmsClient, SmsClientOptions, SmsSendResult } from '@azure/communication-sms';
import type { OutboundMessage } from '@switchboard/protocol';
import type { SendIo, SendOutcome } from '../adapter.js';
import { splitConnectionString, type AcsConfig } from './config.js';

/**
 * One SMS through `@azure/communication-sms` (CH2). The SDK's own retries are off: the outbox
 * retries, and one send stays within `io.timeoutMs`.
 */
export async function sendSms(message: OutboundMessage, config: AcsConfig, io: SendIo): Promise<SendOutcome> {
  const connection = splitConnectionString(config.connectionString);
  if (!connection) return { ok: false, retryable: false, reason: 'the channel has no usable connection string' };
  const endpoint = io.apiBaseUrl || connection.endpoint;
  const insecure = isPlainHttp(endpoint);
  if (insecure && !isLoopback(endpoint)) {
    return { ok: false, retryable: false, reason: `plain http is only for a local stand-in, not ${endpoint}` };
  }
  const attempt = firstAttemptOf(message.idempotencyKey);
  let client: SmsClient;
  try {
    // Loaded at the first send: a node that never sends through Azure does not hold the SDK (~6 MB).
    const { SmsClient } = await import('@azure/communication-sms');
    // The SDK takes an endpoint without a path; a base URL's path (a mounted stand-in) goes on in `routed`.
    const { origin, pathname } = new URL(endpoint);
    client = new SmsClient(`endpoint=${origin}/;accesskey=${connection.accessKey}`, {
      allowInsecureConnection: insecure,
      retryOptions: { maxRetries: 0 },
      additionalPolicies: [{ policy: routed(pathname.replace(/\/+$/, ''), attempt), position: 'perCall' }],
    });
  } catch (err) {
    return { ok: false, retryable: false, reason: `the endpoint ${endpoint} cannot be used: ${String(err)}` };
  }
  try {
    const [result] = await client.send(
      { from: message.from ?? config.numbers[0]!, to: [message.to], message: message.text },
      { enableDeliveryReport: true, tag: message.idempotencyKey, abortSignal: AbortSignal.timeout(io.timeoutMs) },
    );
    return outcomeOf(result);
  } catch (err) {
    return failureOf(err, io.timeoutMs);
  }
}

function outcomeOf(result: SmsSendResult | undefined): SendOutcome {
  if (result?.successful && result.messageId)
    return { ok: true, providerMessageId: result.messageId, status: 'queued' };
  if (!result) return { ok: false, retryable: true, reason: 'ACS answered with no result for the recipient' };
  const status = result.httpStatusCode;
  const reason = `ACS did not take the message (${status}): ${result.errorMessage ?? 'no reason given'}`;
  return { ok: false, retryable: isBusy(status), reason };
}

/** The SDK throws a RestError with the HTTP status, or without one when the request never got an answer. */
function failureOf(err: unknown, timeoutMs: number): SendOutcome {
  const { name, message, statusCode, code } = (err ?? {}) as {
    name?: string;
    message?: string;
    statusCode?: number;
    code?: string;
  };
  if (name === 'AbortError' || name === 'TimeoutError') {
    return { ok: false, retryable: true, reason: `ACS did not answer within ${timeoutMs} ms` };
  }
  if (typeof statusCode === 'number') {
    return {
      ok: false,
      retryable: isBusy(statusCode),
      reason: `ACS answered ${statusCode}: ${message || code || 'no reason'}`,
    };
  }
  // No answer at all (refused, reset, DNS): the provider may well have been down.
  return { ok: false, retryable: true, reason: `ACS could not be reached: ${message || code || String(err)}` };
}

const isBusy = (status: number) => status === 429 || status >= 500;

const isPlainHttp = (url: string) => url.toLowerCase().startsWith('http://');

function isLoopback(url: string): boolean {
  const host = URL.canParse(url) ? new URL(url).hostname : '';
  return host === '127.0.0.1' || host === 'localhost' || host === '[::1]';
}

/**
 * ACS dedupes a repeated send by the pair (repeatabilityRequestId, repeatabilityFirstSent), and only
 * for five minutes; a known id with another first-sent time is refused, and an older one too. The
 * SDK makes a fresh pair per call, so a retry by the outbox would send again. We keep the pair of a
 * message's first attempt for four minutes (margin for clock skew) and reuse it on its retries.
 */
const REPEAT_WINDOW_MS = 4 * 60_000;
const MAX_REMEMBERED = 10_000;
type FirstAttempt = { requestId: string; firstSent: string; at: number };
const firstAttempts = new Map<string, FirstAttempt>();

function firstAttemptOf(idempotencyKey: string, now = Date.now()): FirstAttempt {
  // The map is in insertion order, so the stale ones are at its front.
  for (const [key, attempt] of firstAttempts) {
    if (now - attempt.at < REPEAT_WINDOW_MS && firstAttempts.size <= MAX_REMEMBERED) break;
    firstAttempts.delete(key);
  }
  let attempt = firstAttempts.get(idempotencyKey);
  if (!attempt) {
    attempt = { requestId: randomUUID(), firstSent: new Date(now).toUTCString(), at: now };
    firstAttempts.set(idempotencyKey, attempt);
  }
  return attempt;
}

type Policy = NonNullable<SmsClientOptions['additionalPolicies']>[number]['policy'];

/**
 * Puts the base URL's path in front of the SDK's and the first attempt's pair into the serialized
 * body. A per-call policy runs before the access key policy, so the signature covers both.
 */
function routed(basePath: string, attempt: FirstAttempt): Policy {
  return {
    name: 'switchboardRoutedRepeatableSend',
    sendRequest(request, next) {
      if (basePath) {
        const url = new URL(request.url);
        url.pathname = basePath + url.pathname;
        request.url = url.toString();
      }
      if (typeof request.body === 'string') {
        const body = JSON.parse(request.body) as { smsRecipients?: Record<string, unknown>[] };
        for (const recipient of body.smsRecipients ?? []) {
          recipient.repeatabilityRequestId = attempt.requestId;
          recipient.repeatabilityFirstSent = attempt.firstSent;
        }
        request.body = JSON.stringify(body);
      }
      return next(request);
    },
  };
}
