import { describe, expect, it } from 'vitest';
import { ChannelProvider, messageLimitFor } from '@switchboard/protocol';
import { adapterFor } from './registry.js';
import { webchat } from './webchat/channel.js';

// AG9: an article sent as text is cut to messageLimitFor(channel) in the agent's browser; every provider
// of that kind of channel must carry at least that much, or the server would refuse the message.
describe('the message limit a client cuts to', () => {
  it('fits every provider of each kind of channel', () => {
    for (const provider of ChannelProvider.options) {
      const adapter = adapterFor(provider);
      expect(adapter.capabilities.maxLength, provider).toBeGreaterThanOrEqual(messageLimitFor(adapter.kind).chars);
    }
    expect(webchat.capabilities.maxLength).toBeGreaterThanOrEqual(messageLimitFor('webchat').chars);
  });
});
