import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Config } from '../config.js';
import { diskFileStore } from './disk-file-store.js';
import type { FileStore } from './file-store.js';
import { s3FileStore } from './s3-file-store.js';

/** The store the configuration asks for; an in-memory database keeps its files in a temporary folder. */
export function openFileStore(config: Config): FileStore {
  if (config.ATTACHMENT_STORE === 's3') {
    const { S3_ACCESS_KEY_ID: accessKeyId, S3_SECRET_ACCESS_KEY: secretAccessKey } = config;
    return s3FileStore({
      bucket: config.S3_BUCKET!,
      region: config.S3_REGION,
      endpoint: config.S3_ENDPOINT,
      forcePathStyle: config.S3_FORCE_PATH_STYLE,
      credentials: accessKeyId && secretAccessKey ? { accessKeyId, secretAccessKey } : undefined,
    });
  }
  const root = config.DATA_DIR.startsWith('memory://')
    ? mkdtempSync(path.join(os.tmpdir(), 'switchboard-files-'))
    : path.resolve(config.DATA_DIR);
  return diskFileStore(root);
}
