import type { ChannelInput, ChannelView, OutboxEntry, RouteName } from '@switchboard/protocol';

/** The fields every provider's adapter keeps sealed; the fake, like the API, only says whether they are set. */
const SECRET_KEYS = ['authToken', 'apiKey', 'connectionString', 'webhookSecret'];

export type ChannelState = { channels: ChannelView[]; outbox: OutboxEntry[] };

type Reply = { status: number; body: unknown };
type Request = { name: RouteName; params: Record<string, string>; query: Record<string, string>; body: unknown };

const CAPABILITIES: ChannelView['capabilities'] = {
  asynchronous: true,
  typing: false,
  attachments: false,
  maxLength: 1600,
  segmentLength: 160,
};

export const webhookUrlOf = (provider: string, id: string) => `https://switchboard.example/webhooks/${provider}/${id}`;

/** A saved channel as the API lists it; tests push these into the fake's state. */
export function channelView(view: Omit<ChannelView, 'webhookUrl' | 'capabilities'>): ChannelView {
  return { ...view, webhookUrl: webhookUrlOf(view.provider, view.id), capabilities: CAPABILITIES };
}

/** A channel saved from `input`: plain fields become settings; a secret left out keeps what `previous` held. */
function saved(id: string, input: ChannelInput, previous: ChannelView | undefined): ChannelView {
  const settings: Record<string, unknown> = {};
  const secrets: Record<string, boolean> = { ...previous?.secrets };
  let numbers: string[] = [];
  for (const [key, value] of Object.entries(input.config)) {
    if (key === 'numbers') numbers = value as string[];
    else if (SECRET_KEYS.includes(key)) secrets[key] = typeof value === 'string' && value !== '';
    else settings[key] = value;
  }
  if (input.provider === 'acs') secrets.webhookSecret = true; // generated when left out
  return channelView({
    id,
    name: input.name,
    provider: input.provider,
    workstreamId: input.workstreamId,
    numbers,
    settings,
    secrets,
  });
}

const notFound = (): Reply => ({ status: 404, body: { statusCode: 404, error: 'Not Found', message: 'Not found' } });

/** The channel and outbox routes of the fake admin API; undefined for any other route. */
export function handleChannels(state: ChannelState, req: Request, newId: () => string): Reply | undefined {
  const { name, params, query, body } = req;
  switch (name) {
    case 'listChannels':
      return { status: 200, body: state.channels };
    case 'createChannel': {
      const channel = saved(newId(), body as ChannelInput, undefined);
      state.channels.push(channel);
      return { status: 200, body: channel };
    }
    case 'updateChannel': {
      const index = state.channels.findIndex((c) => c.id === params.id);
      if (index < 0) return notFound();
      state.channels[index] = saved(params.id!, body as ChannelInput, state.channels[index]);
      return { status: 200, body: state.channels[index] };
    }
    case 'deleteChannel': {
      const index = state.channels.findIndex((c) => c.id === params.id);
      if (index < 0) return notFound();
      state.channels.splice(index, 1);
      return { status: 200, body: { ok: true } };
    }
    case 'validateChannelKey':
      return { status: 200, body: { ok: true, code: 290, description: 'Message in progress' } };
    case 'listOutbox': {
      const dead = (query.status ?? 'dead') === 'dead';
      return { status: 200, body: state.outbox.filter((e) => (e.status === 'dead') === dead) };
    }
    case 'retryOutbox': {
      const entry = state.outbox.find((e) => e.id === params.id);
      if (!entry) return notFound();
      Object.assign(entry, { status: 'pending', attempts: 0, nextAttemptAt: new Date().toISOString() });
      return { status: 200, body: entry };
    }
    default:
      return undefined;
  }
}
