import type { NewOutboundJob } from '@switchboard/protocol';
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiCallError } from '../api/api';
import { useAuth } from '../state/auth-store';
import { AVIS, SALES_SMS, SUPPORT_SMS, WELCOME, alice, outboundJob } from '../test/outbound-fixtures';
import { renderWithProviders } from '../test/render';
import { OutboundButton } from './outbound-button';

const api = vi.hoisted(() => ({ call: vi.fn() }));
vi.mock('../api/api', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../api/api')>()),
  call: api.call,
}));

/** The server: its channels and templates, and the job startOutbound answers. */
function serve(started = outboundJob()) {
  api.call.mockImplementation(async (name: string) => {
    if (name === 'listOutboundChannels') return [SUPPORT_SMS, SALES_SMS];
    if (name === 'listTemplates') return [WELCOME, AVIS];
    if (name === 'startOutbound') return started;
    throw new Error(`unexpected call ${name}`);
  });
}
const sent = () => api.call.mock.calls.filter(([name]) => name === 'startOutbound').map(([, input]) => input.body);
const byId = <T extends HTMLElement>(testId: string) => screen.getByTestId(testId) as T;
const change = (testId: string, value: string) => fireEvent.change(byId(testId), { target: { value } });
const options = (testId: string) => [...byId<HTMLSelectElement>(testId).options].map((o) => o.value);

/** Opens the dialog and waits for the channels and templates. */
async function open() {
  renderWithProviders(<OutboundButton />);
  fireEvent.click(screen.getByTestId('outbound-open'));
  await waitFor(() => expect(options('outbound-template')).toEqual(['', WELCOME.id, AVIS.id]));
  await waitFor(() => expect(options('outbound-channel')).toEqual(['', SUPPORT_SMS.id, SALES_SMS.id]));
}

describe('sending a template (CH6)', () => {
  beforeEach(() => {
    api.call.mockReset();
    useAuth.getState().signIn('token', alice);
  });
  afterEach(() => {
    cleanup();
    useAuth.getState().signOut();
  });

  it('sends the typed numbers, each once, and previews the message to the first', async () => {
    serve();
    await open();
    const send = byId<HTMLButtonElement>('outbound-send');
    expect(send.disabled).toBe(true);
    change('outbound-channel', SUPPORT_SMS.id);
    change('outbound-template', WELCOME.id);
    expect(byId<HTMLSelectElement>('outbound-language').value).toBe('en');
    change('outbound-numbers', ' +31612345678, +31687654321\n\n+31612345678;+32470123456');
    expect(screen.getByText('3 numbers')).toBeTruthy();
    expect(byId('outbound-preview-to').textContent).toBe('To +31612345678');
    expect(byId('outbound-preview').textContent).toBe(
      'Hi {customerName}, Alice Martin of Contoso here. Text back to +15005550006.',
    );
    expect(send.disabled).toBe(false);
    await act(async () => void fireEvent.click(send));
    expect(sent()).toEqual([
      {
        channelId: SUPPORT_SMS.id,
        templateId: WELCOME.id,
        language: 'en',
        recipients: { kind: 'numbers', numbers: ['+31612345678', '+31687654321', '+32470123456'] },
      } satisfies NewOutboundJob,
    ]);
  });

  it('offers only the languages of the template chosen, and keeps the choice where it can', async () => {
    serve();
    await open();
    expect(byId<HTMLSelectElement>('outbound-language').disabled).toBe(true);
    expect(options('outbound-language')).toEqual([]);
    change('outbound-template', WELCOME.id);
    expect(options('outbound-language')).toEqual(['en', 'nl']);
    expect([...byId<HTMLSelectElement>('outbound-language').options].map((o) => o.textContent)).toEqual([
      'English',
      'Dutch',
    ]);
    change('outbound-language', 'nl');
    change('outbound-template', AVIS.id);
    expect(options('outbound-language')).toEqual(['fr']);
    expect(byId<HTMLSelectElement>('outbound-language').value).toBe('fr');
    change('outbound-template', WELCOME.id);
    expect(byId<HTMLSelectElement>('outbound-language').value).toBe('nl');
    change('outbound-channel', SALES_SMS.id);
    change('outbound-numbers', '+31612345678');
    // Sales SMS has no number (yet): that placeholder stays as written.
    expect(byId('outbound-preview').textContent).toBe(
      'Hallo {customerName}, met Alice Martin van Contoso ({channelNumber}).',
    );
    await act(async () => void fireEvent.click(byId('outbound-send')));
    expect(sent()[0]).toMatchObject({ channelId: SALES_SMS.id, templateId: WELCOME.id, language: 'nl' });
  });

  it('reads the numbers of a CSV file’s first column into the list, skipping its header', async () => {
    serve();
    await open();
    change('outbound-channel', SUPPORT_SMS.id);
    change('outbound-template', AVIS.id);
    const csv = '"Mobile";"Name"\r\n+31612345678;"Janssen; Emma"\r\n+31687654321;Daan\r\n';
    const file = new File([csv], 'customers.csv', { type: 'text/csv' });
    fireEvent.change(byId('outbound-csv'), { target: { files: [file] } });
    await waitFor(() => expect(byId<HTMLTextAreaElement>('outbound-numbers').value).toBe('+31612345678\n+31687654321'));
    expect(byId('outbound-csv-note').textContent).toBe('2 numbers read from customers.csv (its first column).');
    expect(byId('outbound-preview').textContent).toBe('Bonjour {customerName}, ici Contoso.');
    await act(async () => void fireEvent.click(byId('outbound-send')));
    expect(sent()).toEqual([
      {
        channelId: SUPPORT_SMS.id,
        templateId: AVIS.id,
        language: 'fr',
        recipients: { kind: 'numbers', numbers: ['+31612345678', '+31687654321'] },
      },
    ]);
  });

  it('sends to the contacts a search matches', async () => {
    serve();
    await open();
    change('outbound-channel', SUPPORT_SMS.id);
    change('outbound-template', WELCOME.id);
    change('outbound-numbers', '+31612345678');
    fireEvent.click(byId('outbound-kind-contacts'));
    expect(screen.queryByTestId('outbound-numbers')).toBeNull();
    expect(byId<HTMLButtonElement>('outbound-send').disabled).toBe(true);
    change('outbound-search', '  Utrecht ');
    expect(byId('outbound-preview-to').textContent).toBe('To the first contact matching “Utrecht”');
    await act(async () => void fireEvent.click(byId('outbound-send')));
    expect(sent()).toEqual([
      {
        channelId: SUPPORT_SMS.id,
        templateId: WELCOME.id,
        language: 'en',
        recipients: { kind: 'contacts', search: 'Utrecht' },
      },
    ]);
  });

  it('shows the server’s refusal and keeps the form', async () => {
    api.call.mockImplementation(async (name: string) => {
      if (name === 'listOutboundChannels') return [SUPPORT_SMS];
      if (name === 'listTemplates') return [WELCOME];
      throw new ApiCallError(400, { message: 'at most 5,000 recipients at once' });
    });
    renderWithProviders(<OutboundButton />);
    fireEvent.click(screen.getByTestId('outbound-open'));
    await waitFor(() => expect(options('outbound-template')).toEqual(['', WELCOME.id]));
    // The only channel is chosen already.
    await waitFor(() => expect(byId<HTMLSelectElement>('outbound-channel').value).toBe(SUPPORT_SMS.id));
    change('outbound-template', WELCOME.id);
    change('outbound-numbers', '+31612345678');
    await act(async () => void fireEvent.click(byId('outbound-send')));
    expect(byId('outbound-error').textContent).toBe('Not sent: at most 5,000 recipients at once');
    expect(byId<HTMLTextAreaElement>('outbound-numbers').value).toBe('+31612345678');
  });

  it('shows the progress of the job the server started, and closes', async () => {
    const started = outboundJob({ total: 2, done: 0 });
    started.recipients = [
      { to: '+31612345678', name: 'Emma Janssen', status: 'pending', reason: null },
      { to: '+31687654321', name: null, status: 'pending', reason: null },
    ];
    serve(started);
    await open();
    change('outbound-channel', SUPPORT_SMS.id);
    change('outbound-template', WELCOME.id);
    change('outbound-numbers', '+31612345678\n+31687654321');
    await act(async () => void fireEvent.click(byId('outbound-send')));
    expect([byId('outbound-progress').dataset.done, byId('outbound-progress').dataset.total]).toEqual(['0', '2']);
    expect(screen.getAllByTestId('outbound-result').map((r) => r.dataset.to)).toEqual(['+31612345678', '+31687654321']);
    expect(screen.queryByTestId('outbound-send')).toBeNull();
    expect(screen.getByText('Closing this window does not stop the sending.')).toBeTruthy();
    fireEvent.click(byId('outbound-close'));
    await waitFor(() => expect(screen.queryByTestId('outbound-dialog')).toBeNull());
  });
});
