import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
} from '@fluentui/react-components';
import { useT } from '../i18n';

/** Asks before a force close (SV6): it ends the conversation for the customer and the agent at once. */
export function ForceCloseDialog(props: { customerName: string; onCancel(): void; onConfirm(): void }) {
  const { t } = useT();
  return (
    <Dialog open onOpenChange={(_e, d) => !d.open && props.onCancel()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{t('monitor.confirmTitle')}</DialogTitle>
          <DialogContent>{t('monitor.confirmBody', { name: props.customerName })}</DialogContent>
          <DialogActions>
            <Button onClick={props.onCancel}>{t('monitor.cancel')}</Button>
            <Button appearance="primary" data-testid="force-close-confirm" onClick={props.onConfirm}>
              {t('monitor.confirm')}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
