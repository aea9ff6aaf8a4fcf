import type { OutboxEntry } from '@switchboard/protocol';
import { WEBSITE, createFakeApi, uuid } from './fake-api';
import { channelView } from './fake-channels';

export const TWILIO_ID = uuid(61);
export const TELESIGN_ID = uuid(62);
export const ACCOUNT_SID = `AC${'a1'.repeat(16)}`;

export const twilioChannel = () =>
  channelView({
    id: TWILIO_ID,
    name: 'Support SMS',
    provider: 'twilio',
    workstreamId: WEBSITE,
    numbers: ['+31612345678', '+3197010250001'],
    settings: { accountSid: ACCOUNT_SID, messagingServiceSid: null, apiBaseUrl: null },
    secrets: { authToken: true },
  });

export const telesignChannel = () =>
  channelView({
    id: TELESIGN_ID,
    name: 'Sales SMS',
    provider: 'telesign',
    workstreamId: WEBSITE,
    numbers: ['+15555550100'],
    settings: { customerId: '1A2B3C4D-5E6F-7A8B-9C0D-1E2F3A4B5C6D', messageType: 'MKT', apiBaseUrl: null },
    secrets: { apiKey: false },
  });

export function outboxEntry(n: number, overrides: Partial<OutboxEntry> = {}): OutboxEntry {
  return {
    id: uuid(700 + n),
    channelId: TWILIO_ID,
    conversationId: uuid(800 + n),
    messageId: uuid(850 + n),
    to: '+31687654321',
    text: `Reply ${n}`,
    status: 'dead',
    attempts: 5,
    lastError: '21610: Attempt to send to unsubscribed recipient',
    nextAttemptAt: null,
    updatedAt: '2026-03-01T10:15:00.000Z',
    ...overrides,
  };
}

/** The demo admin data with a Twilio and a TeleSign channel. */
export function apiWithChannels() {
  const api = createFakeApi();
  api.state.channels.push(twilioChannel(), telesignChannel());
  return api;
}
