import type { ChannelAdapter } from '../adapter.js';
import { CustomConfig } from './config.js';
import { sendToProgram } from './send.js';
import { checkSignature, SIGNATURE_HEADER, TIMESTAMP_HEADER } from './signature.js';
import { parsePost } from './wire.js';

export { CustomConfig } from './config.js';

/**
 * A custom channel (CH7, the open channel API): an external program acts as the provider. It posts
 * signed activities to `/webhooks/custom/{channelId}` and takes our replies, signed by us, at the
 * channel's `apiBaseUrl`. The wire format is specified in README.md beside this file.
 */
export const customChannel: ChannelAdapter<CustomConfig> = {
  provider: 'custom',
  kind: 'custom',
  capabilities: { asynchronous: true, typing: false, attachments: true, maxLength: 4096, segmentLength: null },
  config: CustomConfig,
  secretFields: ['sharedSecret'],
  // No vendor to fall back on: the program's URL is the channel's to set, and a send without it fails.
  defaultApiBaseUrl: '',
  verify: (req, config) =>
    checkSignature(
      { timestamp: req.headers[TIMESTAMP_HEADER], signature: req.headers[SIGNATURE_HEADER], body: req.rawBody },
      config.sharedSecret,
      Date.now(),
    ),
  parse: parsePost,
  send: sendToProgram,
};
