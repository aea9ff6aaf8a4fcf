import type { KnowledgeArticle, KnowledgeHit } from '@switchboard/protocol';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SUMMARY } from '../../test/consult-fixtures';
import { id } from '../../test/outbound-fixtures';
import { renderWithProviders } from '../../test/render';
import { KnowledgePanel } from './knowledge-panel';

const api = vi.hoisted(() => ({ call: vi.fn() }));
vi.mock('../../api/api', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../api/api')>()),
  call: api.call,
}));
const tabs = vi.hoisted(() => ({ openSessionTab: vi.fn(() => 'opened') }));
vi.mock('../../state/session-tabs', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../state/session-tabs')>()),
  openSessionTab: tabs.openSessionTab,
}));

const ARTICLE: KnowledgeArticle = {
  id: id(701),
  language: 'nl',
  title: 'Uw factuur <b>betalen</b>',
  keywords: '',
  body: 'Betaal binnen dertig dagen.',
  status: 'published',
  authorName: 'Ada',
  createdAt: '2026-03-01T09:00:00.000Z',
  updatedAt: '2026-03-01T09:00:00.000Z',
  url: 'https://help.example/kb/' + id(701),
};
const HIT: KnowledgeHit = {
  id: ARTICLE.id,
  language: 'nl',
  title: ARTICLE.title,
  titleHtml: 'Uw <mark>factuur</mark> &lt;b&gt;betalen&lt;/b&gt;',
  snippetHtml: 'Betaal de <mark>factuur</mark> binnen dertig dagen.',
  rank: 0.5,
  url: ARTICLE.url,
  updatedAt: ARTICLE.updatedAt,
};

describe('the knowledge panel (AG9)', () => {
  const send = vi.fn();
  beforeEach(() => {
    api.call.mockReset();
    send.mockReset();
    api.call.mockImplementation(async (name: string) => {
      if (name === 'searchKnowledge') return { hits: [HIT] };
      if (name === 'getKnowledgeArticle') return ARTICLE;
      throw new Error(`unexpected call ${name}`);
    });
  });
  afterEach(cleanup);

  async function search() {
    renderWithProviders(<KnowledgePanel conversationId={SUMMARY.id} summary={SUMMARY} />, { send });
    fireEvent.change(screen.getByTestId('knowledge-query'), { target: { value: 'facturen' } });
    await waitFor(() => expect(screen.getAllByTestId('knowledge-hit')).toHaveLength(1));
  }

  it('searches as the agent types and shows the marked title and snippet, escaped', async () => {
    await search();
    expect(api.call).toHaveBeenCalledWith('searchKnowledge', { query: { q: 'facturen', limit: 10 } });
    const title = screen.getByTestId('knowledge-hit-title');
    expect(title.querySelector('mark')?.textContent).toBe('factuur');
    expect(title.querySelector('b')).toBeNull();
    expect(title.textContent).toBe('Uw factuur <b>betalen</b>');
  });

  it('sends the link, then the text, to the customer as agent messages', async () => {
    await search();
    fireEvent.click(screen.getByTestId('knowledge-send-link'));
    expect(send).toHaveBeenCalledWith({
      conversationId: SUMMARY.id,
      text: `${ARTICLE.title}\n${ARTICLE.url}`,
      internal: false,
    });
    fireEvent.click(screen.getByTestId('knowledge-send-text'));
    await waitFor(() =>
      expect(send).toHaveBeenLastCalledWith({
        conversationId: SUMMARY.id,
        text: `${ARTICLE.title}\n\n${ARTICLE.body}`,
        internal: false,
      }),
    );
  });

  it('opens an article in a knowledge tab of the session', async () => {
    await search();
    fireEvent.click(screen.getByTestId('knowledge-open'));
    expect(tabs.openSessionTab).toHaveBeenCalledWith(SUMMARY.id, {
      id: `knowledge:${ARTICLE.id}:${SUMMARY.id.replaceAll('-', '')}`,
      kind: 'knowledge',
      title: ARTICLE.title,
    });
  });

  it('does not send when the customer cannot be messaged', async () => {
    renderWithProviders(<KnowledgePanel conversationId={SUMMARY.id} summary={{ ...SUMMARY, state: 'closed' }} />, {
      send,
    });
    fireEvent.change(screen.getByTestId('knowledge-query'), { target: { value: 'facturen' } });
    await waitFor(() => expect(screen.getByTestId('knowledge-send-link')).toHaveProperty('disabled', true));
  });
});
