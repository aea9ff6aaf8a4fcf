import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { ValidateKeyRequest, type ChannelView, type ValidateKeyResult } from '@switchboard/protocol';
import { useState } from 'react';
import { useT } from '../../i18n';
import { useApi } from '../../api/api';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

type Outcome = { kind: 'answer'; result: ValidateKeyResult } | { kind: 'error'; message: string };

/** TeleSign's "Validate API key" (CH2): a test SMS to a number the admin gives, and TeleSign's answer. */
export function ValidateKeyDialog({ channel, onClose }: { channel: ChannelView; onClose: () => void }) {
  const styles = useStyles();
  const { t } = useT();
  const call = useApi();
  const [phoneNumber, setPhoneNumber] = useState('');
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  // The same rule as the server's, so a number it would refuse is caught before anything is sent.
  const valid = ValidateKeyRequest.safeParse({ phoneNumber: phoneNumber.trim() }).success;

  async function send() {
    setTried(true);
    setOutcome(null);
    if (!valid) return;
    setBusy(true);
    try {
      const body = { phoneNumber: phoneNumber.trim() };
      const result = await call('validateChannelKey', { params: { id: channel.id }, body });
      setOutcome({ kind: 'answer', result });
    } catch (err) {
      setOutcome({ kind: 'error', message: err instanceof Error ? err.message : String(err) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog open onOpenChange={(_, d) => !d.open && onClose()}>
      <DialogSurface data-testid="validate-key-dialog">
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void send();
          }}
        >
          <DialogBody>
            <DialogTitle>{t('validateKey.title', { name: channel.name })}</DialogTitle>
            <DialogContent className={styles.form}>
              {t('validateKey.intro')}
              <Field
                label={t('validateKey.phone')}
                required
                hint={t('validateKey.phoneHint')}
                validationState={tried && !valid ? 'error' : 'none'}
                validationMessage={tried && !valid ? t('validateKey.invalidPhone') : undefined}
              >
                <Input
                  data-testid="validate-key-phone"
                  inputMode="numeric"
                  placeholder="31612345678"
                  value={phoneNumber}
                  onChange={(_, d) => setPhoneNumber(d.value)}
                />
              </Field>
              {outcome && <OutcomeBar outcome={outcome} />}
            </DialogContent>
            <DialogActions>
              <Button onClick={onClose}>{t('common.close')}</Button>
              <Button appearance="primary" type="submit" data-testid="validate-key-send" disabled={busy}>
                {busy ? t('validateKey.sending') : t('validateKey.send')}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}

/** What TeleSign said (accepted or refused, with its code), or why we could not ask. */
function OutcomeBar({ outcome }: { outcome: Outcome }) {
  const { t } = useT();
  if (outcome.kind === 'error') {
    return (
      <MessageBar intent="error" data-testid="validate-key-result" data-ok="false">
        <MessageBarBody>
          <MessageBarTitle>{t('validateKey.error')}</MessageBarTitle>
          {outcome.message}
        </MessageBarBody>
      </MessageBar>
    );
  }
  const { ok, code, description } = outcome.result;
  return (
    <MessageBar intent={ok ? 'success' : 'error'} data-testid="validate-key-result" data-ok={String(ok)}>
      <MessageBarBody>
        <MessageBarTitle>{ok ? t('validateKey.ok') : t('validateKey.failed')}</MessageBarTitle>
        {code === null ? description : t('validateKey.code', { code, description })}
      </MessageBarBody>
    </MessageBar>
  );
}
