import type { ChannelAdapter } from '../adapter.js';
import { TwilioConfig } from './config.js';
import { sendTwilioMessage } from './send.js';
import { parseTwilioWebhook, verifyTwilioWebhook } from './webhook.js';

export { TwilioConfig } from './config.js';

/** SMS (and MMS media) through Twilio's Messages API and webhooks (CH2, CH7). */
export const twilioSms: ChannelAdapter<TwilioConfig> = {
  provider: 'twilio',
  kind: 'sms',
  // 1600 characters is the longest body Twilio concatenates; carriers bill per 160-character segment.
  capabilities: { asynchronous: true, typing: false, attachments: true, maxLength: 1600, segmentLength: 160 },
  config: TwilioConfig,
  secretFields: ['authToken'],
  defaultApiBaseUrl: 'https://api.twilio.com',
  verify: verifyTwilioWebhook,
  parse: (req) => parseTwilioWebhook(req),
  send: sendTwilioMessage,
};
