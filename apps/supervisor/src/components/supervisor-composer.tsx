import { Button, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { useApi } from '../api/api';
import { useT } from '../i18n';

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  buttons: { display: 'flex', gap: tokens.spacingHorizontalS, justifyContent: 'flex-end' },
});

/** Once joined (SV3): a note only agents see, or a message to the customer while it is active. */
export function SupervisorComposer({ id, canMessageCustomer }: { id: string; canMessageCustomer: boolean }) {
  const styles = useStyles();
  const { t } = useT();
  const call = useApi();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function send(internal: boolean) {
    setBusy(true);
    setError(null);
    try {
      await call('sendMessage', { params: { id }, body: { clientMessageId: crypto.randomUUID(), text, internal } });
      setText('');
    } catch (err) {
      setError(t('monitor.failed', { message: err instanceof Error ? err.message : String(err) }));
    } finally {
      setBusy(false);
    }
  }

  const empty = text.trim() === '';
  return (
    <div className={styles.box}>
      <Textarea
        data-testid="supervisor-input"
        value={text}
        placeholder={t('join.placeholder')}
        onChange={(_e, d) => setText(d.value)}
      />
      {error && <span data-testid="supervisor-send-error">{error}</span>}
      <div className={styles.buttons}>
        <Button data-testid="supervisor-note" disabled={busy || empty} onClick={() => void send(true)}>
          {t('join.note')}
        </Button>
        {canMessageCustomer && (
          <Button
            appearance="primary"
            data-testid="supervisor-send"
            disabled={busy || empty}
            onClick={() => void send(false)}
          >
            {t('join.send')}
          </Button>
        )}
      </div>
    </div>
  );
}
