import type { KnowledgeSearchResult, MacroStepKind, QuickReply } from '@switchboard/protocol';
import type { Clock } from '../../../domain/clock.js';
import type { MacroAction } from '../../../domain/macros/interpreter.js';
import type { ConversationRow } from '../../../store/conversations.js';
import type { Db } from '../../../store/db.js';
import type { StaffIdentity } from '../../identity.js';
import type { RecordsService } from '../../records/index.js';

/**
 * What a macro action may use (AG8): the database, the person running it and their conversation (as it
 * was when the run started; actions read fresh rows where it matters), and the services that send
 * messages and search knowledge. Each action commits on its own.
 */
export type ActionDeps = {
  db: Db;
  clock: Clock;
  who: StaffIdentity;
  conversation: ConversationRow;
  /** Unique per run: with the step id, the message key that makes a retried send land once. */
  runId: string;
  sendMessage: (who: StaffIdentity, conversationId: string, text: string, clientMessageId: string) => Promise<void>;
  quickReplies: (who: StaffIdentity) => Promise<QuickReply[]>;
  /** H1's records use cases (services/records/): cases are numbered, linked and put on the timeline there. */
  records: Pick<RecordsService, 'createCase' | 'updateCase'>;
  searchKnowledge: (
    orgId: string,
    phrase: string,
    language: 'en' | 'nl' | 'fr' | undefined,
  ) => Promise<KnowledgeSearchResult>;
};

/** One action: bound to the run's deps, it runs one step kind. */
export type ActionFactory<K extends MacroStepKind> = (deps: ActionDeps) => MacroAction<K>;

/** A step failed: the reason the agent reads. */
export const fail = (reason: string) => ({ ok: false as const, reason });
