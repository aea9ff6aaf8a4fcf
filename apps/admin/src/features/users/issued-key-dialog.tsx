import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Input,
  MessageBar,
  MessageBarBody,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { useT } from '../../i18n';

const useStyles = makeStyles({
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  key: { fontFamily: tokens.fontFamilyMonospace, width: '100%' },
});

/** A key just made: the only time its secret exists outside the program that will use it. */
export type Issued = { clientName: string; keyName: string; secret: string };

/**
 * Shows a new key this once (AD1): the server keeps only its hash, so closing the dialog is the end
 * of it here. It closes only by its button, not by a click beside it, so the key is not lost unseen.
 */
export function IssuedKeyDialog({ issued, onClose }: { issued: Issued; onClose: () => void }) {
  const styles = useStyles();
  const { t } = useT();
  const [copied, setCopied] = useState(false);
  const copy = () =>
    void navigator.clipboard?.writeText(issued.secret).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  return (
    <Dialog open modalType="alert">
      <DialogSurface data-testid="api-key-issued">
        <DialogBody>
          <DialogTitle>{t('apiClients.issuedTitle', { client: issued.clientName, key: issued.keyName })}</DialogTitle>
          <DialogContent className={styles.body}>
            <MessageBar intent="warning">
              <MessageBarBody>{t('apiClients.issuedOnce')}</MessageBarBody>
            </MessageBar>
            <Input
              readOnly
              className={styles.key}
              data-testid="api-key-secret"
              aria-label={t('apiClients.key')}
              value={issued.secret}
              onFocus={(e) => e.target.select()}
            />
            <Text size={200}>{t('apiClients.issuedUse')}</Text>
          </DialogContent>
          <DialogActions>
            <Button data-testid="api-key-copy" onClick={copy}>
              {copied ? t('apiClients.copied') : t('apiClients.copy')}
            </Button>
            <Button appearance="primary" data-testid="api-key-done" onClick={onClose}>
              {t('apiClients.stored')}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
