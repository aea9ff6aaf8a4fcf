import type { Channel, ChannelProvider } from '@switchboard/protocol';
import type { ChannelAdapter, ChannelConfig, StandInFactory } from './adapter.js';
import { acsSms } from './acs-sms/adapter.js';
import { acsStandIn } from './acs-sms/stand-in.js';
import { customChannel } from './custom/adapter.js';
import { customStandIn } from './custom/stand-in.js';
import { telesignSms } from './telesign-sms/adapter.js';
import { telesignStandIn } from './telesign-sms/stand-in.js';
import { twilioSms } from './twilio-sms/adapter.js';
import { twilioStandIn } from './twilio-sms/stand-in.js';
import { webchat } from './webchat/channel.js';

type Entry = { adapter: ChannelAdapter; standIn: StandInFactory<ChannelConfig> };
/** An adapter with its stand-in, both typed by the provider's configuration, erased for the registry. */
const entry = <C extends ChannelConfig>(adapter: ChannelAdapter<C>, standIn: StandInFactory<C>): Entry =>
  ({ adapter, standIn }) as unknown as Entry;

/** Every provider a channel can run on (CH7: one line each; docs/channels.md says how to add one). */
const PROVIDERS: Record<ChannelProvider, Entry> = {
  twilio: entry(twilioSms, twilioStandIn),
  telesign: entry(telesignSms, telesignStandIn),
  acs: entry(acsSms, acsStandIn),
  // An external program acting as a channel over a signed REST API (channels/custom/README.md).
  custom: entry(customChannel, customStandIn),
};

export const adapterFor = (provider: ChannelProvider): ChannelAdapter => PROVIDERS[provider].adapter;

/** The provider's local stand-in (tests, and the demo's built-in phone). */
export const standInFor = (provider: ChannelProvider): StandInFactory<ChannelConfig> => PROVIDERS[provider].standIn;

/**
 * Whether conversations of this kind can wait and reopen (CV1): the widget's declaration for chat,
 * and for SMS or custom what every provider of that kind declares.
 */
export function isAsynchronousChannel(channel: Channel): boolean {
  if (channel === webchat.kind) return webchat.capabilities.asynchronous;
  return Object.values(PROVIDERS)
    .filter((e) => e.adapter.kind === channel)
    .every((e) => e.adapter.capabilities.asynchronous);
}

/**
 * Whether files uploaded to Switchboard (AG4) can be sent in conversations of this kind. Only the
 * widget: SMS and custom providers may declare media for what arrives, but the outbox sends them text alone.
 */
export function carriesUploadedFiles(channel: Channel): boolean {
  return channel === webchat.kind && webchat.capabilities.attachments;
}
