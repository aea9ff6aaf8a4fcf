import type { ChannelProvider } from '@switchboard/protocol';
import type { AdminKey } from '../../i18n';

/** How a config field is entered: one line, a write-only secret, numbers one per line, or a fixed choice. */
export type ConfigFieldKind = 'text' | 'secret' | 'numbers' | 'choice';

export type ConfigField = {
  key: string;
  kind: ConfigFieldKind;
  /** Needed to save; a secret the server already holds counts as given. */
  required: boolean;
  label: AdminKey;
  hint: AdminKey;
  placeholder?: string;
  /** For a choice: its values, the first being the default. */
  choices?: readonly { value: string; label: AdminKey }[];
};

export const PROVIDERS = ['twilio', 'telesign', 'acs', 'custom'] as const satisfies readonly ChannelProvider[];

/**
 * The `config` fields of each provider (CH2), in the order the form shows them. The server checks
 * them again with the provider's adapter; this list only says what to ask for and what is required.
 */
export const PROVIDER_FIELDS: Record<ChannelProvider, readonly ConfigField[]> = {
  twilio: [
    {
      key: 'accountSid',
      kind: 'text',
      required: true,
      label: 'channels.twilio.accountSid',
      hint: 'channels.twilio.accountSidHint',
      placeholder: 'AC…',
    },
    {
      key: 'authToken',
      kind: 'secret',
      required: true,
      label: 'channels.twilio.authToken',
      hint: 'channels.twilio.authTokenHint',
    },
    // Not required: a messaging service can pick the sender instead (the server checks one of them is set).
    {
      key: 'numbers',
      kind: 'numbers',
      required: false,
      label: 'channels.numbers',
      hint: 'channels.twilio.numbersHint',
    },
    {
      key: 'messagingServiceSid',
      kind: 'text',
      required: false,
      label: 'channels.twilio.messagingServiceSid',
      hint: 'channels.twilio.messagingServiceSidHint',
      placeholder: 'MG…',
    },
    {
      key: 'apiBaseUrl',
      kind: 'text',
      required: false,
      label: 'channels.apiBaseUrl',
      hint: 'channels.twilio.apiBaseUrlHint',
      placeholder: 'https://api.twilio.com',
    },
  ],
  telesign: [
    {
      key: 'customerId',
      kind: 'text',
      required: true,
      label: 'channels.telesign.customerId',
      hint: 'channels.telesign.customerIdHint',
    },
    {
      key: 'apiKey',
      kind: 'secret',
      required: true,
      label: 'channels.telesign.apiKey',
      hint: 'channels.telesign.apiKeyHint',
    },
    {
      key: 'numbers',
      kind: 'numbers',
      required: true,
      label: 'channels.numbers',
      hint: 'channels.telesign.numbersHint',
    },
    {
      key: 'messageType',
      kind: 'choice',
      required: true,
      label: 'channels.telesign.messageType',
      hint: 'channels.telesign.messageTypeHint',
      choices: [
        { value: 'ARN', label: 'channels.telesign.arn' },
        { value: 'MKT', label: 'channels.telesign.mkt' },
        { value: 'OTP', label: 'channels.telesign.otp' },
      ],
    },
    {
      key: 'apiBaseUrl',
      kind: 'text',
      required: false,
      label: 'channels.apiBaseUrl',
      hint: 'channels.telesign.apiBaseUrlHint',
    },
  ],
  acs: [
    {
      key: 'connectionString',
      kind: 'secret',
      required: true,
      label: 'channels.acs.connectionString',
      hint: 'channels.acs.connectionStringHint',
    },
    // Optional: the server generates one when it is left empty.
    {
      key: 'webhookSecret',
      kind: 'secret',
      required: false,
      label: 'channels.acs.webhookSecret',
      hint: 'channels.acs.webhookSecretHint',
    },
    { key: 'numbers', kind: 'numbers', required: true, label: 'channels.numbers', hint: 'channels.acs.numbersHint' },
    {
      key: 'apiBaseUrl',
      kind: 'text',
      required: false,
      label: 'channels.apiBaseUrl',
      hint: 'channels.acs.apiBaseUrlHint',
    },
  ],
  custom: [
    {
      key: 'sharedSecret',
      kind: 'secret',
      required: true,
      label: 'channels.custom.sharedSecret',
      hint: 'channels.custom.sharedSecretHint',
    },
    // Required here, though the server takes none: without it no reply can leave.
    {
      key: 'apiBaseUrl',
      kind: 'text',
      required: true,
      label: 'channels.custom.outboundUrl',
      hint: 'channels.custom.outboundUrlHint',
      placeholder: 'https://program.example/switchboard',
    },
    {
      key: 'numbers',
      kind: 'numbers',
      required: true,
      label: 'channels.custom.addresses',
      hint: 'channels.custom.addressesHint',
    },
    {
      key: 'addressKind',
      kind: 'choice',
      required: true,
      label: 'channels.custom.addressKind',
      hint: 'channels.custom.addressKindHint',
      choices: [
        { value: 'opaque', label: 'channels.custom.opaque' },
        { value: 'phone', label: 'channels.custom.phone' },
      ],
    },
  ],
};

export const secretFields = (provider: ChannelProvider) => PROVIDER_FIELDS[provider].filter((f) => f.kind === 'secret');
