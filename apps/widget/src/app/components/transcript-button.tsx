import { useState } from 'react';
import { useT } from '../i18n.js';

/** CH1: the chat's transcript as a text file, fetched with the visitor's token (never in a URL). */
export function TranscriptButton({ load }: { load(): Promise<Blob> }) {
  const { t } = useT();
  const [failed, setFailed] = useState(false);
  async function download() {
    try {
      const blob = await load();
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = 'chat-transcript.txt';
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setFailed(false);
    } catch {
      setFailed(true);
    }
  }
  return (
    <>
      <button type="button" className="secondary" data-testid="chat-transcript" onClick={() => void download()}>
        {t('transcript.download')}
      </button>
      {failed && <p role="alert">{t('prechat.errors.network')}</p>}
    </>
  );
}
