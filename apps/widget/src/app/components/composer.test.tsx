import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import type { AttachmentRef } from '@switchboard/protocol';
import { createI18n } from '../i18n.js';
import { Composer } from './composer.js';

// The customer's composer with attachments (AG4): a picked file uploads at once, shows, and goes with the message.
const ref: AttachmentRef = {
  id: '00000000-0000-4000-8000-0000000000f1',
  name: 'invoice.pdf',
  contentType: 'application/pdf',
  size: 9,
};

function setup(upload: (f: File) => Promise<{ ok: true; ref: AttachmentRef } | { ok: false; message: string }>) {
  const onSend = vi.fn((): 'sent' => 'sent');
  render(
    <I18nextProvider i18n={createI18n('nl')}>
      <Composer onSend={onSend} onUpload={upload} onTyping={() => {}} />
    </I18nextProvider>,
  );
  const pick = (file: File) => fireEvent.change(screen.getByTestId('chat-file'), { target: { files: [file] } });
  return { onSend, pick };
}

beforeEach(() => {
  URL.createObjectURL = vi.fn(() => 'blob:preview');
  URL.revokeObjectURL = vi.fn();
});
afterEach(cleanup);

describe('widget composer attachments', () => {
  it('uploads a picked file, then sends it with the text, or alone', async () => {
    let finish: (v: { ok: true; ref: AttachmentRef }) => void = () => {};
    const { onSend, pick } = setup(() => new Promise((resolve) => (finish = resolve)));
    pick(new File(['%PDF-1.4'], 'invoice.pdf', { type: 'application/pdf' }));
    const picked = await screen.findByTestId('chat-picked-file');
    expect(picked.textContent).toContain('invoice.pdf uploaden…');
    expect((screen.getByTestId('chat-send') as HTMLButtonElement).disabled).toBe(true);
    await act(async () => finish({ ok: true, ref }));
    expect(picked.getAttribute('data-status')).toBe('ready');
    expect((screen.getByTestId('chat-send') as HTMLButtonElement).disabled).toBe(false);
    fireEvent.click(screen.getByTestId('chat-send'));
    expect(onSend).toHaveBeenCalledWith('', [ref]);
    expect(screen.queryByTestId('chat-picked-file')).toBeNull();
  });

  it("shows why a file was refused, in the visitor's language, and keeps it out of the message", async () => {
    const { onSend, pick } = setup(async () => ({
      ok: false,
      message: 'the file is 9 MiB; this organisation accepts files up to 5 MiB',
    }));
    pick(new File(['x'], 'big.png', { type: 'image/png' }));
    const picked = await screen.findByTestId('chat-picked-file');
    await waitFor(() => expect(picked.getAttribute('data-status')).toBe('failed'));
    expect(picked.textContent).toContain('big.png is niet toegevoegd: the file is 9 MiB');
    fireEvent.change(screen.getByTestId('chat-input'), { target: { value: 'hallo' } });
    fireEvent.click(screen.getByTestId('chat-send'));
    expect(onSend).toHaveBeenCalledWith('hallo', []);
  });
});
