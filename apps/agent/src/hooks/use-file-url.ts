import { useEffect, useState } from 'react';
import { files } from '../api/api';

/**
 * An object URL for an attachment, fetched with the agent's token (AG4). Why not a plain link: the
 * token is a header, never a URL, so files need no signed links that could be shared or logged.
 */
export function useFileUrl(id: string, enabled = true): { url: string | null; failed: boolean } {
  const [state, setState] = useState<{ url: string | null; failed: boolean }>({ url: null, failed: false });
  useEffect(() => {
    if (!enabled) return;
    let url: string | null = null;
    let gone = false;
    files
      .download('downloadAttachment', { params: { id } })
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
  }, [id, enabled]);
  return state;
}

/** Saves a non-image attachment under its name, fetched the same way. */
export async function saveFile(id: string, name: string): Promise<void> {
  const blob = await files.download('downloadAttachment', { params: { id } });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
