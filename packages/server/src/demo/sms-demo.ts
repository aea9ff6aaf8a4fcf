import type { ChannelProvider } from '@switchboard/protocol';

/**
 * The demo's three SMS channels (CH2): one per provider, each sending to the provider's stand-in
 * that this server mounts at `/demo/providers/{provider}`, so `npm start` shows SMS working with no
 * account anywhere. The credentials are the stand-ins' own, made up, and good for nothing else.
 */
export const DEMO_SMS: { provider: ChannelProvider; name: string; config: Record<string, unknown> }[] = [
  {
    provider: 'twilio',
    name: 'SMS (Twilio)',
    config: {
      accountSid: `AC${'de30'.repeat(8)}`,
      authToken: 'demo-twilio-auth-token-0000000000',
      numbers: ['+15005550006'],
    },
  },
  {
    provider: 'telesign',
    name: 'SMS (TeleSign)',
    config: {
      customerId: 'DE30DE30-0000-4000-8000-00000000DE30',
      apiKey: Buffer.from('demo-telesign-api-key-bytes').toString('base64'),
      numbers: ['+3197010000001'],
      messageType: 'ARN',
    },
  },
  {
    provider: 'acs',
    name: 'SMS (Azure)',
    config: {
      connectionString: `endpoint=https://contoso-demo.communication.azure.com/;accesskey=${Buffer.from('demo-acs-key').toString('base64')}`,
      webhookSecret: 'demo-event-grid-secret-0000000000',
      numbers: ['+18445550100'],
    },
  },
];

export const demoApiBaseUrl = (publicUrl: string, provider: ChannelProvider) =>
  `${publicUrl.replace(/\/$/, '')}/demo/providers/${provider}`;

/** Templates an agent can send from the workspace's "Send a message" (CH6). */
export const DEMO_TEMPLATES = [
  {
    name: 'Order ready for pickup',
    bodies: {
      en: 'Hello {customerName}, your Contoso order is ready for pickup. Reply to this message with any question. {agentName}',
      nl: 'Hallo {customerName}, uw Contoso-bestelling ligt klaar om op te halen. Vragen? Antwoord op dit bericht. {agentName}',
      fr: 'Bonjour {customerName}, votre commande Contoso est prête. Une question ? Répondez à ce message. {agentName}',
    },
  },
  {
    name: 'Delivery tomorrow',
    bodies: {
      en: 'Hello {customerName}, {orgName} delivers your furniture tomorrow between 8:00 and 12:00.',
      nl: 'Hallo {customerName}, {orgName} levert uw meubels morgen tussen 8.00 en 12.00 uur.',
    },
  },
];
