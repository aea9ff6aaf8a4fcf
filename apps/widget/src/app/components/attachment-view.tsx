import { useEffect, useState } from 'react';
import type { AttachmentRef } from '@switchboard/protocol';
import { useT } from '../i18n.js';

export type LoadFile = (attachmentId: string) => Promise<Blob>;

const sizeLabel = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;

/** An object URL of the file, fetched with the visitor's token, revoked when it leaves the screen. */
function useObjectUrl(load: LoadFile, id: string): { url: string | null; failed: boolean } {
  const [state, setState] = useState<{ url: string | null; failed: boolean }>({ url: null, failed: false });
  useEffect(() => {
    let url: string | null = null;
    let gone = false;
    load(id)
      .then((blob) => {
        if (gone) return;
        url = URL.createObjectURL(blob);
        setState({ url, failed: false });
      })
      .catch(() => !gone && setState({ url: null, failed: true }));
    return () => {
      gone = true;
      if (url) URL.revokeObjectURL(url);
    };
  }, [load, id]);
  return state;
}

function ImageFile({ file, load }: { file: AttachmentRef; load: LoadFile }) {
  const { t } = useT();
  const { url, failed } = useObjectUrl(load, file.id);
  if (failed) return <span className="msg-file-error">{t('attachments.unavailable')}</span>;
  if (!url) return <span className="msg-image-placeholder" />;
  return (
    <img
      className="msg-image"
      src={url}
      alt={t('attachments.image', { name: file.name })}
      data-testid="chat-attachment-image"
    />
  );
}

async function save(load: LoadFile, file: AttachmentRef) {
  const url = URL.createObjectURL(await load(file.id));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The files of a message (AG4): images shown in the bubble, other files a link that saves them. */
export function AttachmentView({ files, load }: { files: readonly AttachmentRef[]; load: LoadFile }) {
  const { t } = useT();
  return (
    <div className="msg-files">
      {files.map((f) =>
        f.contentType.startsWith('image/') ? (
          <ImageFile key={f.id} file={f} load={load} />
        ) : (
          <button
            key={f.id}
            type="button"
            className="link-button msg-file"
            data-testid="chat-attachment-file"
            aria-label={t('attachments.open', { name: f.name })}
            onClick={() => void save(load, f)}
          >
            {f.name} ({sizeLabel(f.size)})
          </button>
        ),
      )}
    </div>
  );
}
