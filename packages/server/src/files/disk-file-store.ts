import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { assertKey, type FileStore } from './file-store.js';

/** Files under `<root>/attachments/...`; written to a temporary name first, so a reader never sees half a file. */
export function diskFileStore(root: string): FileStore {
  const where = (key: string) => (assertKey(key), path.join(root, ...key.split('/')));
  return {
    kind: 'disk',
    async put(key, data) {
      const file = where(key);
      await mkdir(path.dirname(file), { recursive: true });
      const temp = `${file}.${randomUUID()}.part`;
      await writeFile(temp, data);
      await rename(temp, file);
    },
    async get(key) {
      try {
        return new Uint8Array(await readFile(where(key)));
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw err;
      }
    },
    async remove(key) {
      await rm(where(key), { force: true });
    },
  };
}
