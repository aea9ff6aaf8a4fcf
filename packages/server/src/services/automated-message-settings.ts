import {
  AUTOMATED_TRIGGERS,
  Channel,
  unknownPlaceholders,
  type AutomatedMessage,
  type AutomatedMessageInput,
  type AutomatedTrigger,
} from '@switchboard/protocol';
import type { Clock } from '../domain/clock.js';
import { BUILT_IN_TEXTS } from '../domain/conversation/automated-messages.js';
import { DomainError } from '../domain/errors.js';
import * as store from '../store/automated-messages.js';
import type { Db } from '../store/db.js';

type Key = { channel: Channel; trigger: AutomatedTrigger };

function view(key: Key, row: store.AutomatedMessageRow | undefined): AutomatedMessage {
  return {
    ...key,
    enabled: row?.enabled ?? false,
    bodies: row?.bodies ?? {},
    defaults: BUILT_IN_TEXTS[key.trigger],
    updatedAt: row?.updatedAt.toISOString() ?? null,
  };
}

/** The admin center's side of automated messages (CH6): every channel and event, with the built-in texts. */
export function createAutomatedMessageSettings(deps: { db: Db; clock: Clock }) {
  const { db, clock } = deps;
  return {
    async list(orgId: string): Promise<AutomatedMessage[]> {
      const rows = await store.listAutomatedMessages(db, orgId);
      const saved = new Map(rows.map((r) => [`${r.channel}/${r.trigger}`, r]));
      return Channel.options.flatMap((channel) =>
        AUTOMATED_TRIGGERS.map((trigger) => view({ channel, trigger }, saved.get(`${channel}/${trigger}`))),
      );
    },

    async save(orgId: string, key: Key, input: AutomatedMessageInput): Promise<AutomatedMessage> {
      for (const [language, text] of Object.entries(input.bodies)) {
        const unknown = unknownPlaceholders(text);
        if (unknown.length)
          throw new DomainError(
            'invalid',
            `the ${language} text names {${unknown.join('}, {')}}; ` +
              'use {customerName}, {agentName}, {orgName} or {channelNumber}',
          );
      }
      return view(key, await store.saveAutomatedMessage(db, orgId, key, input, clock.now()));
    },
  };
}

export type AutomatedMessageSettings = ReturnType<typeof createAutomatedMessageSettings>;
