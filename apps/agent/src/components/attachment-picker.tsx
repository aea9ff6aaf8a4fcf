import { Button, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { removeUpload, uploadFile, useUploads, type PendingUpload } from '../state/uploads-store';

const useStyles = makeStyles({
  chips: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  chip: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  failed: { border: `1px solid ${tokens.colorPaletteRedBorder2}`, color: tokens.colorPaletteRedForeground1 },
  thumb: { width: '40px', height: '40px', objectFit: 'cover', borderRadius: tokens.borderRadiusSmall },
  hidden: { display: 'none' },
});

const NONE: PendingUpload[] = [];

/** The attach button: each picked file is uploaded at once, then waits as a chip until the message goes (AG4). */
export function AttachButton({ conversationId, disabled }: { conversationId: string; disabled: boolean }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <input
        ref={input}
        className={styles.hidden}
        type="file"
        multiple
        data-testid="composer-file"
        onChange={(e) => {
          for (const f of Array.from(e.target.files ?? [])) void uploadFile(conversationId, f);
          e.target.value = '';
        }}
      />
      <Button data-testid="composer-attach" disabled={disabled} onClick={() => input.current?.click()}>
        {t('attachments.attach')}
      </Button>
    </>
  );
}

/** The files picked for the next message, with a preview of images and why a refused one was refused. */
export function PendingUploads({ conversationId }: { conversationId: string }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const uploads = useUploads((s) => s.byConversation[conversationId] ?? NONE);
  if (uploads.length === 0) return null;
  return (
    <div className={styles.chips}>
      {uploads.map((u) => (
        <span
          key={u.key}
          className={u.status === 'failed' ? `${styles.chip} ${styles.failed}` : styles.chip}
          data-testid="pending-upload"
          data-status={u.status}
        >
          {u.previewUrl && <img className={styles.thumb} src={u.previewUrl} alt="" />}
          <Caption1 role={u.status === 'failed' ? 'alert' : undefined}>
            {u.status === 'uploading'
              ? t('attachments.uploading', { name: u.name })
              : u.status === 'failed'
                ? t('attachments.failed', { name: u.name, message: u.error ?? '' })
                : u.name}
          </Caption1>
          <Button
            size="small"
            appearance="subtle"
            aria-label={t('attachments.remove', { name: u.name })}
            onClick={() => removeUpload(conversationId, u.key)}
          >
            ×
          </Button>
        </span>
      ))}
    </div>
  );
}
