import {
  articleLinkMessage,
  articleTextMessage,
  type ConversationSummary,
  type KnowledgeArticle,
} from '@switchboard/protocol';
import { canMessageCustomer } from '@switchboard/live';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/api';
import { useServices } from '../../state/services-context';
import { useInform, useNotify } from '../notify';

type Linkable = { id: string; title: string; url: string };

/**
 * "Send link" and "Send text" (AG9): the article goes to the customer as an ordinary agent message
 * through the workspace's outbox (kept and retried like a typed one), so it reaches web chat and SMS
 * alike. The text is cut to what the conversation's channel carries.
 */
export function useSendArticle(conversationId: string, summary: ConversationSummary | null) {
  const { t } = useTranslation();
  const services = useServices();
  const inform = useInform();
  const notify = useNotify();
  const allowed = summary !== null && canMessageCustomer(summary);

  const send = useCallback(
    (title: string, text: string) => {
      services.send({ conversationId, text, internal: false });
      inform(t('knowledge.sent', { title }));
    },
    [conversationId, inform, services, t],
  );

  const sendLink = useCallback(
    (a: Linkable) => {
      if (!allowed) return notify(t('knowledge.cannotSend'));
      send(a.title, articleLinkMessage(a));
    },
    [allowed, notify, send, t],
  );

  const sendText = useCallback(
    async (a: Linkable | KnowledgeArticle) => {
      if (!allowed || !summary) return notify(t('knowledge.cannotSend'));
      try {
        const full = 'body' in a ? a : await call('getKnowledgeArticle', { params: { id: a.id } });
        send(full.title, articleTextMessage(full, summary.channel));
      } catch (e) {
        notify(t('knowledge.loadFailed', { message: e instanceof Error ? e.message : String(e) }));
      }
    },
    [allowed, notify, send, summary, t],
  );

  return { allowed, sendLink, sendText };
}
