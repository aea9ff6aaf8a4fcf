import type { ConversationEvent } from '@switchboard/protocol';
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useAuth } from '../state/auth-store';
import { useUploads } from '../state/uploads-store';
import { alice } from '../test/outbound-fixtures';
import { QUICK_REPLIES } from '../test/quick-reply-fixtures';
import { renderWithProviders } from '../test/render';
import { Composer } from './composer';
import { MessageList } from './message-list';

// Attachments in the agent workspace (AG4): picked files upload at once and go with the next message;
// files in the history are fetched with the agent's token and shown (images) or saved (the rest).
const api = vi.hoisted(() => ({ call: vi.fn(), upload: vi.fn(), download: vi.fn() }));
vi.mock('../api/api', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../api/api')>()),
  call: api.call,
  files: { upload: api.upload, download: api.download },
}));

const ID = '00000000-0000-4000-8000-0000000000e1';
const FILE_ID = '00000000-0000-4000-8000-0000000000f1';
const active = {
  state: 'active' as const,
  acceptedAt: '2025-01-01T10:00:00.000Z',
  callbackId: null,
  customerName: 'Eve',
  queueName: 'Support',
};
const png = () => new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], 'dot.png', { type: 'image/png' });

beforeEach(() => {
  api.call.mockReset().mockImplementation(async (name: string) => (name === 'listQuickReplies' ? QUICK_REPLIES : null));
  api.upload.mockReset();
  api.download.mockReset();
  URL.createObjectURL = vi.fn(() => 'blob:preview');
  URL.revokeObjectURL = vi.fn();
  useAuth.getState().signIn('token', alice);
  useUploads.setState({ byConversation: {} });
});
afterEach(() => {
  cleanup();
  useAuth.getState().signOut();
});

function composer(id = ID) {
  const services = { send: vi.fn(), emitTyping: vi.fn() };
  renderWithProviders(<Composer conversationId={id} summary={active} />, services);
  const pick = (file: File) => fireEvent.change(screen.getByTestId('composer-file'), { target: { files: [file] } });
  return { services, pick };
}

describe('attaching files in the composer', () => {
  it('uploads a picked image at once, previews it, and sends it with the message (text optional)', async () => {
    let finish: (v: unknown) => void = () => {};
    api.upload.mockReturnValue(new Promise((resolve) => (finish = resolve)));
    const { services, pick } = composer();
    pick(png());
    expect(api.upload).toHaveBeenCalledWith(
      'uploadAttachment',
      { params: { id: ID }, query: { name: 'dot.png' } },
      expect.any(File),
    );
    const chip = await screen.findByTestId('pending-upload');
    expect(chip.getAttribute('data-status')).toBe('uploading');
    expect(chip.textContent).toContain('Uploading dot.png…');
    expect((screen.getByTestId('composer-send') as HTMLButtonElement).disabled).toBe(true);
    const ref = { id: FILE_ID, name: 'dot.png', contentType: 'image/png', size: 4 };
    await act(async () => finish({ ...ref, conversationId: ID, createdAt: '2025-01-01T10:00:00.000Z' }));
    expect(chip.getAttribute('data-status')).toBe('ready');
    expect(chip.querySelector('img')?.getAttribute('src')).toBe('blob:preview');
    fireEvent.click(screen.getByTestId('composer-send'));
    expect(services.send).toHaveBeenCalledWith({ conversationId: ID, text: '', internal: false, attachments: [ref] });
    expect(screen.queryByTestId('pending-upload')).toBeNull();
  });

  it("shows the server's refusal beside the file and sends nothing of it", async () => {
    api.upload.mockRejectedValue(new Error('files of type application/zip are not allowed here; allowed: image/png'));
    const { services, pick } = composer(`${ID}-b`);
    pick(new File(['PK'], 'a.zip', { type: 'application/zip' }));
    const chip = await screen.findByTestId('pending-upload');
    await waitFor(() => expect(chip.getAttribute('data-status')).toBe('failed'));
    expect(chip.textContent).toContain('a.zip was not uploaded: files of type application/zip are not allowed here');
    expect((screen.getByTestId('composer-send') as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Remove a.zip' }));
    expect(screen.queryByTestId('pending-upload')).toBeNull();
    expect(services.send).not.toHaveBeenCalled();
  });

  it('offers no attaching for internal notes: files go to the customer', () => {
    composer(`${ID}-c`);
    expect((screen.getByTestId('composer-attach') as HTMLButtonElement).disabled).toBe(false);
    act(() => void fireEvent.click(screen.getByTestId('composer-note-toggle')));
    expect((screen.getByTestId('composer-attach') as HTMLButtonElement).disabled).toBe(true);
  });
});

describe('files in the history', () => {
  const message = (
    attachments: { id: string; name: string; contentType: string; size: number }[],
  ): ConversationEvent => ({
    type: 'message',
    conversationId: ID,
    seq: 1,
    at: '2025-01-01T10:00:00.000Z',
    message: {
      id: '00000000-0000-4000-8000-000000000011',
      kind: 'customer',
      text: 'see attached',
      authorId: null,
      authorName: 'Eve',
      clientMessageId: null,
      at: '2025-01-01T10:00:00.000Z',
      attachments,
    },
  });

  it('shows an image fetched with the token, and a file as a link that saves it under its name', async () => {
    api.download.mockResolvedValue(new Blob(['x']));
    const pdf = {
      id: '00000000-0000-4000-8000-0000000000f2',
      name: 'invoice.pdf',
      contentType: 'application/pdf',
      size: 2048,
    };
    renderWithProviders(
      <MessageList
        conversationId={ID}
        events={[message([{ id: FILE_ID, name: 'dot.png', contentType: 'image/png', size: 4 }, pdf])]}
      />,
      { retrySend: vi.fn(), discardSend: vi.fn() },
    );
    const img = await screen.findByTestId('attachment-image');
    expect(img.getAttribute('alt')).toBe('Image dot.png');
    expect(api.download).toHaveBeenCalledWith('downloadAttachment', { params: { id: FILE_ID } });
    const link = screen.getByTestId('attachment-file');
    expect(link.textContent).toBe('invoice.pdf (2 KB)');
    expect(screen.getByTestId('message').textContent).toBe('see attached');
    fireEvent.click(link);
    await waitFor(() => expect(api.download).toHaveBeenCalledWith('downloadAttachment', { params: { id: pdf.id } }));
  });
});
