import { describe, expect, it } from 'vitest';
import { ChannelCapabilities, Channel } from '@switchboard/protocol';
import { carriesUploadedFiles, isAsynchronousChannel } from '../registry.js';
import { webchat } from './channel.js';

describe('the chat widget on the channel seam', () => {
  it('declares capabilities of the same shape as every provider', () => {
    expect(ChannelCapabilities.parse(webchat.capabilities)).toEqual(webchat.capabilities);
    expect(Channel.options).toContain(webchat.kind);
  });

  it('is the one live kind: chat cannot wait, SMS and custom channels can', () => {
    expect(Channel.options.map((c) => [c, isAsynchronousChannel(c)])).toEqual([
      ['webchat', false],
      ['sms', true],
      ['custom', true],
    ]);
  });

  it('is the one kind that carries uploaded files (AG4): the outbox sends SMS and custom replies as text', () => {
    expect(Channel.options.map((c) => [c, carriesUploadedFiles(c)])).toEqual([
      ['webchat', true],
      ['sms', false],
      ['custom', false],
    ]);
  });
});
