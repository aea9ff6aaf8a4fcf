import { MAX_MESSAGE_BYTES, type ChannelCapabilities } from '@switchboard/protocol';

/**
 * The chat widget (CH1) on the channel seam. It has no provider and no webhook: the visitor writes
 * over REST and reads on a socket (`realtime/`), so it declares only what the rest of the server asks
 * of every channel. Live: a conversation cannot wait for a customer who left the page.
 */
export const webchat = {
  kind: 'webchat',
  capabilities: {
    asynchronous: false,
    typing: true,
    // Files go over REST and are read back with the visitor's token (AG4).
    attachments: true,
    // The protocol caps a message at this many UTF-8 bytes, so at most as many characters.
    maxLength: MAX_MESSAGE_BYTES,
    segmentLength: null,
  } satisfies ChannelCapabilities,
} as const;
