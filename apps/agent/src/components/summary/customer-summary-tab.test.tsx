import type { Case, CustomerSummary, TimelineItem } from '@switchboard/protocol';
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../test/render';
import { id } from '../../test/outbound-fixtures';
import {
  CONVERSATION,
  EMMA,
  OLD_CASE,
  VAT_CASE,
  aCase,
  note,
  oldCase,
  summaryFixture,
  timelineItems,
} from '../../test/records-fixtures';
import { CustomerSummaryTab } from './customer-summary-tab';

const api = vi.hoisted(() => ({ call: vi.fn() }));
vi.mock('../../api/api', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../api/api')>()),
  call: api.call,
}));
const tabs = vi.hoisted(() => ({ openRecordTab: vi.fn(() => 'opened') }));
vi.mock('../../state/session-tabs', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../state/session-tabs')>()),
  openRecordTab: tabs.openRecordTab,
}));

type Input = { params?: { id: string }; query?: Record<string, unknown>; body?: Record<string, unknown> };

/** A server that keeps links, notes and cases as the records routes answer them. */
function serve(start: CustomerSummary = summaryFixture()) {
  const state = { summary: start, items: [...timelineItems], created: [] as Case[] };
  api.call.mockImplementation(async (name: string, input: Input = {}) => {
    switch (name) {
      case 'customerSummary':
        return { ...state.summary, timeline: { items: state.items, nextCursor: null } };
      case 'contactTimeline': {
        const kinds = (input.query?.kinds as string | undefined)?.split(',');
        return { items: state.items.filter((i) => !kinds || kinds.includes(i.kind)), nextCursor: null };
      }
      case 'createNote': {
        const made = { ...note(9, String(input.body!.body)), createdAt: '2026-03-02T10:00:00.000Z' };
        state.items = [{ kind: 'note', id: made.id, at: made.createdAt, note: made } as TimelineItem, ...state.items];
        return made;
      }
      case 'listCases':
        return { cases: [oldCase].filter((c) => c.title.includes(String(input.query!.q))), nextCursor: null };
      case 'listContacts':
        return { contacts: [], nextCursor: null };
      case 'linkCase': {
        const linked = [oldCase, ...state.created].find((c) => c.id === input.body!.caseId)!;
        state.summary = { ...state.summary, links: { ...state.summary.links, case: linked } };
        return state.summary.links;
      }
      case 'unlinkCase':
        state.summary = { ...state.summary, links: { ...state.summary.links, case: null } };
        return state.summary.links;
      case 'createCase': {
        const made = aCase(id(530), 1003, String(input.body!.title), {
          priority: input.body!.priority as Case['priority'],
          product: (input.body!.product as string | null) ?? null,
        });
        state.created.push(made);
        state.summary = { ...state.summary, links: { ...state.summary.links, case: made } };
        return made;
      }
      default:
        throw new Error(`unexpected call ${name}`);
    }
  });
  return state;
}

const field = (section: HTMLElement, name: string) => section.querySelector(`[data-field="${name}"]`)?.textContent;
const calls = (name: string) => api.call.mock.calls.filter(([n]) => n === name);

describe('the customer summary tab (AG6, CV4, AG9)', () => {
  beforeEach(() => {
    api.call.mockReset();
    tabs.openRecordTab.mockClear();
  });
  afterEach(cleanup);

  it('shows the profile, the conversation and its four tabs, the linked and recent cases, the timeline', async () => {
    serve();
    renderWithProviders(<CustomerSummaryTab conversationId={CONVERSATION} />);
    const profile = await screen.findByTestId('summary-profile');
    expect(within(profile).getByTestId('profile-name').textContent).toBe('Emma Janssen');
    expect(field(profile, 'account')).toBe('Fabrikam');
    expect(field(profile, 'jobTitle')).toBe('Buyer');
    expect(field(profile, 'relationshipType')).toBe('Customer');
    expect(field(profile, 'city')).toBe('Amsterdam');
    expect(field(profile, 'category')).toBe('Preferred');
    expect(field(profile, 'preferredContactMethod')).toBe('Email');

    const conversation = screen.getByTestId('summary-conversation');
    expect(field(conversation, 'channel')).toBe('Chat');
    expect(field(conversation, 'waitTime')).toBe('2:05');
    expect(field(conversation, 'skills')).toBe('Dutch, Invoices');
    expect(field(conversation, 'queue')).toBe('Billing');
    expect(field(conversation, 'startTime')).toMatch(/2026|26/);
    // Pre-chat answers first.
    expect(screen.getByTestId('subpanel-prechat').textContent).toContain('My invoice has the wrong VAT');
    // Self-service: newest first, each kind named, with its time.
    fireEvent.click(screen.getByTestId('subtab-journey'));
    const actions = await screen.findAllByTestId('journey-action');
    expect(actions.map((a) => a.dataset.kind)).toEqual(['article-viewed', 'search', 'page-visited', 'custom']);
    expect(actions[0]!.textContent).toContain('VAT rates explained');
    expect(actions[0]!.textContent).toContain('Knowledge article viewed');
    expect(actions[1]!.textContent).toContain('Phrase searched');
    // Visitor details.
    fireEvent.click(screen.getByTestId('subtab-visitor'));
    const visitor = await screen.findByTestId('subpanel-visitor');
    expect(field(visitor, 'authenticated')).toBe('Yes');
    expect(field(visitor, 'browser')).toBe('Chrome 131');
    expect(field(visitor, 'os')).toBe('Windows 11');
    expect(field(visitor, 'location')).toBe('Amsterdam, NL');
    expect(field(visitor, 'language')).toBe('nl');
    // The other context variables.
    fireEvent.click(screen.getByTestId('subtab-context'));
    const context = await screen.findByTestId('subpanel-context');
    expect(field(context, 'context-plan')).toBe('Gold');
    expect(field(context, 'context-orderCount')).toBe('12');

    const linked = screen.getByTestId('summary-linked-case');
    expect(field(linked, 'title')).toBe('CAS-01001 · Invoice shows the wrong VAT rate');
    expect(field(linked, 'priority')).toBe('High');
    expect(field(linked, 'status')).toBe('Active');
    expect(field(linked, 'product')).toBe('Invoicing');
    expect(field(linked, 'owner')).toBe('Alice Martin');

    const recent = within(screen.getByTestId('summary-recent-cases')).getAllByTestId('case-row');
    expect(recent.map((r) => r.dataset.caseId)).toEqual([VAT_CASE, OLD_CASE]);
    expect(recent[1]!.textContent).toContain('Resolved');

    const items = await within(screen.getByTestId('timeline')).findAllByTestId('timeline-item');
    expect(items.map((i) => i.dataset.kind)).toEqual(['note', 'activity', 'case', 'conversation']);
    expect(items[0]!.textContent).toContain('Prefers invoices by email');
    expect(items[3]!.textContent).toContain('Chat conversation in Billing');
  });

  it('shows in the agent’s language', async () => {
    serve();
    const { i18n } = await import('../../i18n');
    renderWithProviders(<CustomerSummaryTab conversationId={CONVERSATION} />);
    await act(() => i18n.changeLanguage('nl'));
    const profile = await screen.findByTestId('summary-profile');
    await waitFor(() => expect(profile.textContent).toContain('Functie'));
    expect(screen.getByTestId('summary-recent-cases').textContent).toContain('Recente aanvragen');
    await act(() => i18n.changeLanguage('fr'));
    await waitFor(() => expect(screen.getByTestId('timeline').textContent).toContain('Chronologie'));
  });

  it('filters the timeline by kind, asking the server for just those', async () => {
    serve();
    renderWithProviders(<CustomerSummaryTab conversationId={CONVERSATION} />);
    const timeline = await screen.findByTestId('timeline');
    await within(timeline).findAllByTestId('timeline-item');
    fireEvent.click(within(timeline).getByTestId('timeline-filter-note'));
    fireEvent.click(within(timeline).getByTestId('timeline-filter-case'));
    await waitFor(() =>
      expect(
        within(timeline)
          .getAllByTestId('timeline-item')
          .map((i) => i.dataset.kind),
      ).toEqual(['note', 'case']),
    );
    expect(calls('contactTimeline').at(-1)![1]).toMatchObject({ params: { id: EMMA }, query: { kinds: 'case,note' } });
    fireEvent.click(within(timeline).getByTestId('timeline-filter-all'));
    await waitFor(() => expect(within(timeline).getAllByTestId('timeline-item')).toHaveLength(4));
  });

  it('adds a quick note on the contact during this conversation, and it shows on top of the timeline', async () => {
    serve();
    renderWithProviders(<CustomerSummaryTab conversationId={CONVERSATION} />);
    const timeline = await screen.findByTestId('timeline');
    const add = within(timeline).getByTestId('quick-note-add') as HTMLButtonElement;
    expect(add.disabled).toBe(true);
    fireEvent.change(within(timeline).getByTestId('quick-note-input'), { target: { value: 'Called back about VAT' } });
    fireEvent.click(add);
    await waitFor(() =>
      expect(within(timeline).getAllByTestId('timeline-item')[0]!.textContent).toContain('Called back about VAT'),
    );
    expect(calls('createNote')[0]![1]).toEqual({
      body: { recordType: 'contact', recordId: EMMA, body: 'Called back about VAT', conversationId: CONVERSATION },
    });
    expect((within(timeline).getByTestId('quick-note-input') as HTMLTextAreaElement).value).toBe('');
  });

  it('searches cases, opens a result in a tab and links another, the summary showing the new link', async () => {
    serve();
    renderWithProviders(<CustomerSummaryTab conversationId={CONVERSATION} />);
    const search = await screen.findByTestId('record-search');
    fireEvent.change(within(search).getByTestId('record-search-kind'), { target: { value: 'case' } });
    fireEvent.change(within(search).getByTestId('record-search-input'), { target: { value: 'Parcel' } });
    fireEvent.click(within(search).getByTestId('record-search-submit'));
    const result = await within(search).findByTestId('search-result');
    expect(result.dataset.id).toBe(OLD_CASE);
    expect(result.textContent).toContain('CAS-01000 · Parcel arrived damaged');

    fireEvent.click(within(result).getByTestId('search-result-open'));
    expect(tabs.openRecordTab).toHaveBeenCalledWith(
      CONVERSATION,
      'case',
      OLD_CASE,
      'CAS-01000 · Parcel arrived damaged',
    );

    fireEvent.click(within(result).getByTestId('search-result-link'));
    await waitFor(() => expect(screen.getByTestId('linked-case').dataset.caseId).toBe(OLD_CASE));
    expect(calls('linkCase')[0]![1]).toEqual({ params: { id: CONVERSATION }, body: { caseId: OLD_CASE } });
    // Linked now: the result says so instead of offering the link again.
    await waitFor(() => expect(within(search).queryByTestId('search-result-link')).toBeNull());
  });

  it('unlinks the case', async () => {
    serve();
    renderWithProviders(<CustomerSummaryTab conversationId={CONVERSATION} />);
    fireEvent.click(await screen.findByTestId('linked-case-unlink'));
    await waitFor(() => expect(screen.queryByTestId('linked-case')).toBeNull());
    expect(screen.getByTestId('summary-linked-case').textContent).toContain('No case linked');
  });

  it('creates a case for the contact, linked to the conversation, and opens it in a tab', async () => {
    serve();
    renderWithProviders(<CustomerSummaryTab conversationId={CONVERSATION} />);
    fireEvent.click(await screen.findByTestId('new-case'));
    const dialog = await screen.findByTestId('new-case-dialog');
    expect(dialog.textContent).toContain('For Emma Janssen');
    const create = within(dialog).getByTestId('new-case-create') as HTMLButtonElement;
    expect(create.disabled).toBe(true);
    fireEvent.change(within(dialog).getByTestId('new-case-title'), { target: { value: 'Refund the VAT difference' } });
    fireEvent.change(within(dialog).getByTestId('new-case-priority'), { target: { value: 'low' } });
    fireEvent.change(within(dialog).getByTestId('new-case-product'), { target: { value: 'Invoicing' } });
    fireEvent.change(within(dialog).getByTestId('new-case-description'), { target: { value: 'Charged 21% not 9%' } });
    fireEvent.click(create);
    await waitFor(() => expect(tabs.openRecordTab).toHaveBeenCalled());
    expect(calls('createCase')[0]![1]).toEqual({
      body: {
        title: 'Refund the VAT difference',
        priority: 'low',
        product: 'Invoicing',
        description: 'Charged 21% not 9%',
        contactId: EMMA,
        conversationId: CONVERSATION,
      },
    });
    expect(tabs.openRecordTab).toHaveBeenCalledWith(
      CONVERSATION,
      'case',
      id(530),
      'CAS-01003 Refund the VAT difference',
    );
    await waitFor(() => expect(screen.getByTestId('linked-case').dataset.caseId).toBe(id(530)));
  });

  it('without a linked customer: the profile says so and a case cannot be made', async () => {
    const base = summaryFixture();
    serve(
      summaryFixture({
        profile: { ...base.profile, source: 'conversation', accountName: null, jobTitle: null },
        links: { conversationId: CONVERSATION, contact: null, account: null, case: null },
        recentCases: [],
        timeline: { items: [], nextCursor: null },
      }),
    );
    renderWithProviders(<CustomerSummaryTab conversationId={CONVERSATION} />);
    const profile = await screen.findByTestId('summary-profile');
    expect(profile.textContent).toContain('Not linked to a contact or an account yet');
    expect(screen.getByTestId('timeline').textContent).toContain('Link a contact or an account');
    expect(screen.queryByTestId('quick-note-input')).toBeNull();
    fireEvent.click(screen.getByTestId('new-case'));
    const dialog = await screen.findByTestId('new-case-dialog');
    fireEvent.change(within(dialog).getByTestId('new-case-title'), { target: { value: 'Anything' } });
    expect((within(dialog).getByTestId('new-case-create') as HTMLButtonElement).disabled).toBe(true);
  });
});
