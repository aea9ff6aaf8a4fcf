import type { ConversationEvent, CustomerSentiment, MessageSentiments } from '@switchboard/protocol';
import { holderSentiment, seesMessageLevels } from '../domain/sentiment/audience.js';
import type { SentimentAnalyzer } from '../sentiment/analyzer.js';
import type { ConversationRow } from '../store/conversations.js';
import type { Db } from '../store/db.js';
import { sentimentSetting, type SentimentSettingRow } from '../store/sentiment.js';
import type { StaffIdentity } from './identity.js';

type Held = Pick<ConversationRow, 'state' | 'agentId' | 'acceptedAt' | 'sentimentLevel'>;

/**
 * What a staff read of a conversation carries of customer sentiment (SV8), as
 * domain/sentiment/audience.ts decides: for the agent who holds it, its level and mark; for a
 * supervisor, each customer message's level, scored at read time (the analyzer is pure and fast,
 * so nothing is stored per message).
 */
export function sentimentViews(db: Db, analyzer: SentimentAnalyzer) {
  const holder = (who: StaffIdentity, c: Held, setting: SentimentSettingRow) =>
    holderSentiment(
      who.userId,
      { state: c.state, agentId: c.agentId, accepted: c.acceptedAt !== null, level: c.sentimentLevel },
      setting,
    );

  return {
    /** The fields a conversation's detail adds for this reader; none for anyone else. */
    async ofDetail(
      who: StaffIdentity,
      c: Held & Pick<ConversationRow, 'locale'>,
      events: readonly ConversationEvent[],
    ): Promise<{ customerSentiment?: CustomerSentiment; messageSentiments?: MessageSentiments }> {
      const setting = await sentimentSetting(db, who.orgId);
      const mark = holder(who, c, setting);
      const shown = mark ? { customerSentiment: mark } : {};
      if (!seesMessageLevels(who, c, setting)) return shown;
      const messageSentiments: MessageSentiments = {};
      for (const e of events)
        if (e.type === 'message' && e.message.kind === 'customer')
          messageSentiments[e.message.id] = analyzer.analyze(e.message.text, c.locale).level;
      return { ...shown, messageSentiments };
    },

    /** For a page of a list: each row's mark when this reader holds it (one settings read a page). */
    async ofList(who: StaffIdentity): Promise<(c: Held) => { customerSentiment?: CustomerSentiment }> {
      const setting = await sentimentSetting(db, who.orgId);
      return (c) => {
        const mark = holder(who, c, setting);
        return mark ? { customerSentiment: mark } : {};
      };
    },
  };
}

export type SentimentViews = ReturnType<typeof sentimentViews>;
