import type { ChannelAdapter } from '../adapter.js';
import { AcsConfig, eventGridEndpoint, isWebhookToken } from './config.js';
import { parseEventGrid } from './event-grid.js';
import { sendSms } from './send.js';

/**
 * Azure Communication Services SMS behind the channel seam (CH2, CH7). Inbound texts and delivery
 * reports come through an Event Grid subscription; replies leave through `@azure/communication-sms`.
 */
export const acsSms: ChannelAdapter<AcsConfig> = {
  provider: 'acs',
  kind: 'sms',
  capabilities: { asynchronous: true, typing: false, attachments: false, maxLength: 2048, segmentLength: 160 },
  config: AcsConfig,
  secretFields: ['connectionString', 'webhookSecret'],
  /** Empty: the endpoint in the connection string (every ACS resource has its own); `apiBaseUrl` replaces it. */
  defaultApiBaseUrl: '',
  webhookUrl: (url, config) => eventGridEndpoint(url, config.webhookSecret),

  verify(req, config) {
    // Event Grid signs nothing: the endpoint given to it (`eventGridEndpoint`) carries the channel's token.
    const given = URL.canParse(req.url) ? new URL(req.url).searchParams.get('secret') : null;
    if (!given) return { ok: false, reason: 'no secret query parameter: subscribe Event Grid to the channel endpoint' };
    if (!isWebhookToken(given, req.url, config.webhookSecret)) {
      return { ok: false, reason: "the secret query parameter is not this channel's" };
    }
    return { ok: true };
  },

  parse: (req) => parseEventGrid(req),
  send: sendSms,
};
