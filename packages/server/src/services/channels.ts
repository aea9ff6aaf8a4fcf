import { randomBytes } from 'node:crypto';
import type { ChannelInput, ChannelView, ValidateKeyResult } from '@switchboard/protocol';
import type { ChannelAdapter, ChannelConfig } from '../channels/adapter.js';
import { adapterFor } from '../channels/registry.js';
import type { TeleSignConfig } from '../channels/telesign-sms/adapter.js';
import { TestNumberRefused, validateTeleSignKey } from '../channels/telesign-sms/validate-key.js';
import type { Clock } from '../domain/clock.js';
import { conflict, DomainError, notFound } from '../domain/errors.js';
import type { SecretBox } from '../security/secrets.js';
import {
  channelInUse,
  deleteChannel,
  getChannel,
  insertChannel,
  listChannels,
  updateChannel,
  type ChannelRow,
  type ChannelValues,
} from '../store/channels.js';
import type { Db } from '../store/db.js';
import { isUniqueViolation } from '../store/transaction.js';

export type ChannelServiceDeps = { db: Db; clock: Clock; secrets: SecretBox; publicUrl: () => string };

/** Opens a stored channel into the adapter's configuration (credentials unsealed). */
export function channelConfig(secrets: SecretBox, row: ChannelRow): ChannelConfig {
  const sealed = JSON.parse(secrets.open(row.secrets)) as Record<string, unknown>;
  return { ...row.settings, ...sealed, numbers: row.numbers } as ChannelConfig;
}

/** Where the provider posts: the channel's id in the path (and what its adapter adds, Azure's token). */
export function webhookUrlOf(publicUrl: string, row: ChannelRow, config: ChannelConfig): string {
  const url = `${publicUrl.replace(/\/$/, '')}/webhooks/${row.provider}/${row.id}`;
  return adapterFor(row.provider).webhookUrl?.(url, config) ?? url;
}

/** The admin center's channels (CH5): credentials checked by the provider's adapter, sealed, never shown. */
export function createChannelService({ db, clock, secrets, publicUrl }: ChannelServiceDeps) {
  function view(row: ChannelRow): ChannelView {
    const adapter = adapterFor(row.provider);
    const config = channelConfig(secrets, row);
    const setOf = (field: string) => {
      const v = (config as Record<string, unknown>)[field];
      return typeof v === 'string' && v !== '';
    };
    return {
      id: row.id,
      name: row.name,
      provider: row.provider,
      workstreamId: row.workstreamId,
      numbers: row.numbers,
      settings: row.settings,
      secrets: Object.fromEntries(adapter.secretFields.map((f) => [f, setOf(f)])),
      webhookUrl: webhookUrlOf(publicUrl(), row, config),
      capabilities: adapter.capabilities,
    };
  }

  /** The input merged over what is stored (a secret left out keeps its value), checked by the adapter. */
  function valuesOf(input: ChannelInput, stored: ChannelConfig | null): ChannelValues {
    const adapter = adapterFor(input.provider);
    const merged: Record<string, unknown> = { ...(stored ?? {}) };
    for (const [field, value] of Object.entries(input.config)) {
      // A secret left out or empty keeps what is stored: the API never shows it, so a form cannot send it back.
      if (adapter.secretFields.includes(field) && (value === null || value === '')) continue;
      merged[field] = value === '' ? null : value;
    }
    if (adapter.secretFields.includes('webhookSecret') && !merged.webhookSecret)
      merged.webhookSecret = randomBytes(24).toString('base64url');
    const parsed = adapter.config.safeParse(merged);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const field = issue.path.join('.') || 'config';
      throw new DomainError('invalid', `${input.provider} channel: ${field}: ${issue.message}`);
    }
    return split(adapter, input, parsed.data as ChannelConfig);
  }

  function split(adapter: ChannelAdapter, input: ChannelInput, config: ChannelConfig): ChannelValues {
    const { numbers, ...rest } = config as ChannelConfig & Record<string, unknown>;
    const settings: Record<string, unknown> = {};
    const secret: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(rest)) (adapter.secretFields.includes(k) ? secret : settings)[k] = v;
    return {
      name: input.name,
      provider: input.provider,
      workstreamId: input.workstreamId,
      numbers,
      settings,
      secrets: secrets.seal(JSON.stringify(secret)),
    };
  }

  async function existing(orgId: string, id: string) {
    const row = await getChannel(db, orgId, id);
    if (!row) throw notFound(`channel ${id}`);
    return row;
  }

  const nameTaken = (name: string) => conflict(`a channel named "${name}" already exists`);

  return {
    async list(orgId: string): Promise<ChannelView[]> {
      return (await listChannels(db, orgId)).map(view);
    },
    async create(orgId: string, input: ChannelInput): Promise<ChannelView> {
      try {
        return view(await insertChannel(db, orgId, valuesOf(input, null), clock.now()));
      } catch (err) {
        if (isUniqueViolation(err)) throw nameTaken(input.name);
        throw err;
      }
    },
    async update(orgId: string, id: string, input: ChannelInput): Promise<ChannelView> {
      const row = await existing(orgId, id);
      if (row.provider !== input.provider)
        throw new DomainError(
          'invalid',
          `the provider of a channel cannot change (${row.provider}); add a new channel`,
        );
      try {
        const updated = await updateChannel(db, orgId, id, valuesOf(input, channelConfig(secrets, row)), clock.now());
        if (!updated) throw notFound(`channel ${id}`);
        return view(updated);
      } catch (err) {
        if (isUniqueViolation(err)) throw nameTaken(input.name);
        throw err;
      }
    },
    async remove(orgId: string, id: string): Promise<void> {
      await existing(orgId, id);
      if (await channelInUse(db, orgId, id))
        throw conflict('this channel has conversations; it stays so their history can name it');
      await deleteChannel(db, orgId, id);
    },
    /** TeleSign's "Validate API key" (CH5): a test SMS with the stored credentials. */
    async validateKey(orgId: string, id: string, phoneNumber: string): Promise<ValidateKeyResult> {
      const row = await existing(orgId, id);
      if (row.provider !== 'telesign')
        throw new DomainError('invalid', 'only a TeleSign channel has an API key to validate');
      const config = channelConfig(secrets, row);
      const io = { apiBaseUrl: config.apiBaseUrl ?? adapterFor(row.provider).defaultApiBaseUrl, timeoutMs: 10_000 };
      try {
        const answer = await validateTeleSignKey(config as TeleSignConfig, io, phoneNumber);
        return { ok: answer.ok, code: answer.statusCode, description: answer.description };
      } catch (err) {
        if (err instanceof TestNumberRefused) throw new DomainError('invalid', err.message);
        throw err;
      }
    },
  };
}

export type ChannelService = ReturnType<typeof createChannelService>;
