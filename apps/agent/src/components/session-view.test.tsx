import { applyWorkspaceChanges, emptyWorkspaceState, type WorkspaceChanges } from '@switchboard/protocol';
import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openRecordTab, recordTabId } from '../state/session-tabs';
import { bindSessions, showWorkspace, useSessions } from '../state/sessions-store';
import type { WorkspaceSync } from '../state/workspace-sync';
import { id } from '../test/outbound-fixtures';
import { renderWithProviders } from '../test/render';
import { SessionView } from './session-view';

vi.mock('./conversation-panel', () => ({
  ConversationPanel: ({ id: conversationId }: { id: string }) => (
    <div data-testid="conversation-stub">{conversationId}</div>
  ),
}));
vi.mock('./records/tab-pane', () => ({
  SessionTabPane: ({ tab }: { tab: { kind: string; title: string } }) => (
    <div data-testid="pane-stub">
      {tab.kind}:{tab.title}
    </div>
  ),
}));

const CONVERSATION = id(1);

function bindFakeWorkspace() {
  let state = emptyWorkspaceState();
  bindSessions({
    current: () => state,
    change(changes: WorkspaceChanges) {
      state = applyWorkspaceChanges(state, changes);
      showWorkspace(state);
    },
  } as unknown as WorkspaceSync);
}

const selected = () => screen.getAllByTestId('inner-tab').find((t) => t.getAttribute('aria-selected') === 'true');

describe('a session’s tab strip (AG6, AG9)', () => {
  beforeEach(() => {
    bindFakeWorkspace();
    useSessions.getState().open(CONVERSATION, 'Emma');
  });
  afterEach(cleanup);

  it('shows the summary beside the conversation, switches tabs and closes a record tab', () => {
    renderWithProviders(<SessionView id={CONVERSATION} />);
    expect(screen.getAllByTestId('inner-tab').map((t) => t.textContent)).toEqual(['Conversation', 'Customer summary']);
    expect(selected()!.dataset.kind).toBe('customer-summary');
    expect(screen.getByTestId('conversation-stub')).toBeTruthy();
    expect(screen.getByTestId('pane-stub').textContent).toContain('customer-summary');
    // Neither of the first two closes.
    expect(screen.queryAllByTestId('inner-tab-close')).toHaveLength(0);

    act(() => void openRecordTab(CONVERSATION, 'case', id(50), 'CAS-01001 Invoice'));
    expect(selected()!.textContent).toBe('CAS-01001 Invoice');
    expect(screen.getByTestId('pane-stub').textContent).toBe('case:CAS-01001 Invoice');

    // The conversation tab: the conversation alone, no pane beside it.
    fireEvent.click(screen.getAllByTestId('inner-tab')[0]!);
    expect(screen.queryByTestId('pane-stub')).toBeNull();
    expect(screen.getByTestId('conversation-stub')).toBeTruthy();

    fireEvent.click(screen.getByTestId('inner-tab-close'));
    expect(screen.getAllByTestId('inner-tab')).toHaveLength(2);
    expect(useSessions.getState().tabs[CONVERSATION]!.tabs.map((t) => t.id)).not.toContain(
      recordTabId('case', id(50), CONVERSATION),
    );
  });
});
