import { Caption1, Link, makeStyles, tokens } from '@fluentui/react-components';
import type { AttachmentRef } from '@switchboard/protocol';
import { useTranslation } from 'react-i18next';
import { saveFile, useFileUrl } from '../hooks/use-file-url';

const useStyles = makeStyles({
  list: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  image: { maxWidth: '240px', maxHeight: '180px', borderRadius: tokens.borderRadiusMedium, display: 'block' },
  file: { textAlign: 'left' },
});

/** Size as people read it: 2.4 MB, 830 KB. */
export const sizeLabel = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;

function ImagePreview({ file }: { file: AttachmentRef }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const { url, failed } = useFileUrl(file.id);
  if (failed) return <Caption1>{t('attachments.unavailable')}</Caption1>;
  return url ? (
    <img
      className={styles.image}
      src={url}
      alt={t('attachments.image', { name: file.name })}
      data-testid="attachment-image"
    />
  ) : null;
}

/** The files of a message (AG4): images shown, other files a link that saves them. */
export function AttachmentView({ files }: { files: readonly AttachmentRef[] }) {
  const styles = useStyles();
  const { t } = useTranslation();
  return (
    <span className={styles.list}>
      {files.map((f) =>
        f.contentType.startsWith('image/') ? (
          <ImagePreview key={f.id} file={f} />
        ) : (
          <Link
            key={f.id}
            as="button"
            className={styles.file}
            data-testid="attachment-file"
            aria-label={t('attachments.open', { name: f.name })}
            onClick={() => void saveFile(f.id, f.name)}
          >
            {f.name} ({sizeLabel(f.size)})
          </Link>
        ),
      )}
    </span>
  );
}
