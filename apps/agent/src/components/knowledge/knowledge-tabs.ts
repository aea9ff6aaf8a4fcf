import type { WorkspaceTab } from '@switchboard/protocol';
import { openSessionTab } from '../../state/session-tabs';

/**
 * An article's tab in one session (AG9). Tab ids are unique in the workspace and at most 80
 * characters: the article's id whole, the conversation's without dashes (79 in all).
 */
export const knowledgeTabId = (articleId: string, conversationId: string) =>
  `knowledge:${articleId}:${conversationId.replaceAll('-', '')}`;

/** The article a knowledge tab shows, or null for a tab of another kind. */
export function articleOfTab(tab: Pick<WorkspaceTab, 'id' | 'kind'>): string | null {
  if (tab.kind !== 'knowledge') return null;
  const [prefix, id] = tab.id.split(':');
  return prefix === 'knowledge' && id ? id : null;
}

export const openKnowledgeTab = (conversationId: string, article: { id: string; title: string }) =>
  openSessionTab(conversationId, {
    id: knowledgeTabId(article.id, conversationId),
    kind: 'knowledge',
    title: article.title.trim() || 'Article',
  });
