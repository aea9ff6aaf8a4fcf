import type { MessageTemplate, OutboundChannel, OutboundJob, StaffUser } from '@switchboard/protocol';

/** Ids that pass `z.uuid()`. */
export const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

export const SUPPORT_SMS: OutboundChannel = {
  id: id(61),
  name: 'Support SMS',
  provider: 'twilio',
  numbers: ['+15005550006'],
};
export const SALES_SMS: OutboundChannel = { id: id(62), name: 'Sales SMS', provider: 'telesign', numbers: [] };

const template = (n: number, name: string, bodies: Record<string, string>): MessageTemplate => ({
  id: id(n),
  name,
  bodies: bodies as MessageTemplate['bodies'],
  updatedAt: '2026-03-01T09:00:00.000Z',
});
export const WELCOME = template(71, 'Welcome', {
  en: 'Hi {customerName}, {agentName} of {orgName} here. Text back to {channelNumber}.',
  nl: 'Hallo {customerName}, met {agentName} van {orgName} ({channelNumber}).',
});
export const AVIS = template(72, 'Avis', { fr: 'Bonjour {customerName}, ici {orgName}.' });

export const alice: StaffUser = {
  id: id(11),
  orgId: id(900),
  orgName: 'Contoso',
  email: 'alice@contoso.example',
  name: 'Alice Martin',
  role: 'agent',
  presence: 'available',
  capacity: 3,
  usedCapacity: 0,
};

/** An outbound job as the server answers it; nothing sent yet unless `overrides` say so. */
export function outboundJob(overrides: Partial<OutboundJob> = {}): OutboundJob {
  return {
    id: id(81),
    channelId: SUPPORT_SMS.id,
    templateId: WELCOME.id,
    language: 'en',
    createdAt: '2026-03-01T10:00:00.000Z',
    createdBy: 'Alice Martin',
    total: 0,
    done: 0,
    failed: 0,
    recipients: [],
    ...overrides,
  };
}
