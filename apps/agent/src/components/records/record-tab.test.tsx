import type { AccountDetail, ContactDetail } from '@switchboard/protocol';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../test/render';
import { id } from '../../test/outbound-fixtures';
import {
  CONVERSATION,
  EMMA,
  FABRIKAM,
  VAT_CASE,
  emma,
  note,
  summaryFixture,
  vatCase,
} from '../../test/records-fixtures';
import { RecordTab } from './record-tab';

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

function serve() {
  const state = {
    contact: { ...emma, cases: [vatCase] } as ContactDetail,
    caseRecord: vatCase,
    summary: summaryFixture({
      links: { conversationId: CONVERSATION, contact: null, account: null, case: null },
    }),
  };
  const caseNote = { ...note(3, 'Customer sent the invoice PDF'), caseId: VAT_CASE };
  api.call.mockImplementation(async (name: string, input: Input = {}) => {
    switch (name) {
      case 'customerSummary':
        return state.summary;
      case 'getContact':
        return state.contact;
      case 'updateContact':
        state.contact = { ...state.contact, ...input.body, updatedAt: '2026-03-02T11:00:00.000Z' };
        return state.contact;
      case 'getAccount': {
        const account: AccountDetail = {
          id: FABRIKAM,
          name: 'Fabrikam',
          externalId: null,
          email: null,
          mainPhone: '+31201234567',
          city: 'Amsterdam',
          category: null,
          relationshipType: 'customer',
          createdAt: emma.createdAt,
          updatedAt: emma.updatedAt,
          contacts: [emma],
          cases: [vatCase],
        };
        return account;
      }
      case 'getCase':
        return state.caseRecord;
      case 'updateCase':
        state.caseRecord = { ...state.caseRecord, ...input.body, updatedAt: '2026-03-02T11:00:00.000Z' };
        return state.caseRecord;
      case 'contactTimeline':
      case 'accountTimeline':
        return {
          items: [
            { kind: 'note', id: caseNote.id, at: caseNote.createdAt, note: caseNote },
            { kind: 'note', id: id(610), at: caseNote.createdAt, note: note(10, 'A note on Emma herself') },
          ],
          nextCursor: null,
        };
      case 'linkContact':
        state.summary = { ...state.summary, links: { ...state.summary.links, contact: emma } };
        return state.summary.links;
      case 'unlinkContact':
        state.summary = { ...state.summary, links: { ...state.summary.links, contact: null } };
        return state.summary.links;
      case 'createNote':
        return { ...note(11, String(input.body!.body)), caseId: VAT_CASE };
      default:
        throw new Error(`unexpected call ${name}`);
    }
  });
  return state;
}

const calls = (name: string) => api.call.mock.calls.filter(([n]) => n === name);

describe('record tabs (AG9)', () => {
  beforeEach(() => {
    api.call.mockReset();
    tabs.openRecordTab.mockClear();
  });
  afterEach(cleanup);

  it('edits a contact’s fields and saves only what changed; an emptied field is cleared', async () => {
    serve();
    renderWithProviders(<RecordTab conversationId={CONVERSATION} kind="contact" id={EMMA} />);
    const form = await screen.findByTestId('record-form');
    expect((within(form).getByTestId('field-jobTitle') as HTMLInputElement).value).toBe('Buyer');
    const save = within(form).getByTestId('record-save') as HTMLButtonElement;
    expect(save.disabled).toBe(true);
    fireEvent.change(within(form).getByTestId('field-jobTitle'), { target: { value: 'Head of purchasing' } });
    fireEvent.change(within(form).getByTestId('field-category'), { target: { value: '' } });
    fireEvent.change(within(form).getByTestId('field-relationshipType'), { target: { value: 'partner' } });
    fireEvent.click(save);
    await waitFor(() => expect(calls('updateContact')).toHaveLength(1));
    expect(calls('updateContact')[0]![1]).toEqual({
      params: { id: EMMA },
      body: { jobTitle: 'Head of purchasing', category: null, relationshipType: 'partner' },
    });
    await waitFor(() =>
      expect((screen.getByTestId('field-jobTitle') as HTMLInputElement).value).toBe('Head of purchasing'),
    );
    // A required field cannot be emptied.
    fireEvent.change(screen.getByTestId('field-name'), { target: { value: ' ' } });
    expect((screen.getByTestId('record-save') as HTMLButtonElement).disabled).toBe(true);
  });

  it('lists the contact’s cases and notes, and links the contact to the conversation and back', async () => {
    serve();
    renderWithProviders(<RecordTab conversationId={CONVERSATION} kind="contact" id={EMMA} />);
    const cases = await screen.findByTestId('record-cases');
    expect(within(cases).getByTestId('case-row').textContent).toContain('CAS-01001');
    fireEvent.click(within(cases).getByTestId('case-open'));
    expect(tabs.openRecordTab).toHaveBeenCalledWith(
      CONVERSATION,
      'case',
      VAT_CASE,
      'CAS-01001 Invoice shows the wrong VAT rate',
    );
    await waitFor(() => expect(screen.getAllByTestId('timeline-item')).toHaveLength(2));

    fireEvent.click(await screen.findByTestId('record-link'));
    await screen.findByTestId('record-linked');
    expect(calls('linkContact')[0]![1]).toEqual({ params: { id: CONVERSATION }, body: { contactId: EMMA } });
    fireEvent.click(screen.getByTestId('record-unlink'));
    await waitFor(() => expect(screen.queryByTestId('record-linked')).toBeNull());
  });

  it('shows an account with its contacts, each opened in a tab', async () => {
    serve();
    renderWithProviders(<RecordTab conversationId={CONVERSATION} kind="account" id={FABRIKAM} />);
    const contacts = await screen.findByTestId('record-contacts');
    fireEvent.click(within(contacts).getByRole('button', { name: 'Open' }));
    expect(tabs.openRecordTab).toHaveBeenCalledWith(CONVERSATION, 'contact', EMMA, 'Emma Janssen');
  });

  it('resolves a case, shows its own notes and adds one on the case', async () => {
    serve();
    renderWithProviders(<RecordTab conversationId={CONVERSATION} kind="case" id={VAT_CASE} />);
    expect((await screen.findByTestId('record-title')).textContent).toBe(
      'CAS-01001 · Invoice shows the wrong VAT rate',
    );
    fireEvent.change(screen.getByTestId('field-status'), { target: { value: 'resolved' } });
    fireEvent.click(screen.getByTestId('record-save'));
    await waitFor(() => expect(calls('updateCase')).toHaveLength(1));
    expect(calls('updateCase')[0]![1]).toEqual({ params: { id: VAT_CASE }, body: { status: 'resolved' } });
    // Only the notes about this case, of the contact's timeline.
    const items = await screen.findAllByTestId('timeline-item');
    expect(items).toHaveLength(1);
    expect(items[0]!.textContent).toContain('Customer sent the invoice PDF');
    fireEvent.change(screen.getByTestId('quick-note-input'), { target: { value: 'Refund approved' } });
    fireEvent.click(screen.getByTestId('quick-note-add'));
    await waitFor(() => expect(calls('createNote')).toHaveLength(1));
    expect(calls('createNote')[0]![1]).toEqual({
      body: { recordType: 'case', recordId: VAT_CASE, body: 'Refund approved', conversationId: CONVERSATION },
    });
  });
});
