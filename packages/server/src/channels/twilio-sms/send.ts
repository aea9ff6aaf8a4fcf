import type { OutboundMessage } from '@switchboard/protocol';
import type { SendIo, SendOutcome } from '../adapter.js';
import type { TwilioConfig } from './config.js';
import { deliveryStatusOf } from './webhook.js';

type TwilioSdk = typeof import('twilio');

/**
 * The SDK's REST client, loaded at the first send: a node that never sends through Twilio does not
 * hold it (~15 MB). Its region/edge host rewriting is turned off: it would rebuild the host of any
 * base URL from its first labels (and read TWILIO_REGION from the environment), so a stand-in or
 * proxy URL could be sent elsewhere. Here every request goes to `api.baseUrl` as given. One HTTP
 * client per timeout is shared by every send, so connections are kept and reused.
 */
const sdk = lazy(async () => {
  const twilio = ((await import('twilio')) as unknown as { default: TwilioSdk }).default;
  class RoutedTwilio extends twilio.Twilio {
    override getHostname(hostname: string): string {
      return hostname;
    }
  }
  const httpClients = new Map<number, InstanceType<TwilioSdk['RequestClient']>>();
  const httpClientFor = (timeoutMs: number) => {
    let client = httpClients.get(timeoutMs);
    if (!client) httpClients.set(timeoutMs, (client = new twilio.RequestClient({ timeout: timeoutMs })));
    return client;
  };
  return (config: TwilioConfig, timeoutMs: number) =>
    new RoutedTwilio(config.accountSid, config.authToken, { httpClient: httpClientFor(timeoutMs) });
});

function lazy<T>(load: () => Promise<T>): () => Promise<T> {
  let loaded: Promise<T> | undefined;
  return () => (loaded ??= load());
}

/** Sends one text through Twilio's Messages API (CH2); never throws. */
export async function sendTwilioMessage(
  message: OutboundMessage,
  config: TwilioConfig,
  io: SendIo,
): Promise<SendOutcome> {
  try {
    const client = (await sdk())(config, io.timeoutMs);
    client.api.baseUrl = io.apiBaseUrl;
    const from = message.from ?? config.numbers[0];
    const sent = await client.messages.create({
      to: message.to,
      body: message.text,
      ...(from ? { from } : { messagingServiceSid: config.messagingServiceSid ?? undefined }),
      ...(message.statusCallbackUrl ? { statusCallback: message.statusCallbackUrl } : {}),
    });
    return { ok: true, providerMessageId: sent.sid, status: deliveryStatusOf(sent.status) ?? 'queued' };
  } catch (err) {
    return failure(err);
  }
}

/** Twilio's answer (RestException, or the RFC 9457 TwilioServiceException) or no answer at all. */
type TwilioError = { status?: unknown; code?: unknown; message?: unknown; detail?: unknown; isAxiosError?: unknown };

function failure(err: unknown): SendOutcome {
  const error = (typeof err === 'object' && err !== null ? err : {}) as TwilioError;
  if (typeof error.status === 'number') {
    const retryable = error.status === 429 || error.status >= 500;
    const code = error.code === undefined ? '' : `, error ${String(error.code)}`;
    const text = String(error.detail ?? error.message ?? 'no message');
    return { ok: false, retryable, reason: `Twilio answered HTTP ${error.status}${code}: ${text}` };
  }
  // The SDK's HTTP layer (axios) failed: refused, reset, timed out, no DNS. Twilio may be back soon.
  if (error.isAxiosError === true) {
    return { ok: false, retryable: true, reason: `Twilio could not be reached: ${String(error.message)}` };
  }
  // The SDK refused the message itself (a missing parameter): sending it again will not help.
  return {
    ok: false,
    retryable: false,
    reason: `the Twilio client refused the message: ${String(error.message ?? err)}`,
  };
}
