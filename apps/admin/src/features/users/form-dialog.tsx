import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { useT } from '../../i18n';
import { SaveButton } from '../../components/editor';
import { ServerError } from '../../components/form';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

type Props = {
  /** `<testId>-dialog` on the surface, `<testId>-save` on the button. */
  testId: string;
  title: string;
  saving: boolean;
  serverError: string | null;
  onSubmit: () => void;
  onClose: () => void;
  children: ReactNode;
};

/** A dialog around one small form (a name, a switch): submit saves, cancel or escape closes. */
export function FormDialog({ testId, title, saving, serverError, onSubmit, onClose, children }: Props) {
  const styles = useStyles();
  const { t } = useT();
  return (
    <Dialog open onOpenChange={(_, d) => !d.open && onClose()}>
      <DialogSurface data-testid={`${testId}-dialog`}>
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            onSubmit();
          }}
        >
          <DialogBody>
            <DialogTitle>{title}</DialogTitle>
            <DialogContent className={styles.form}>
              {children}
              <ServerError message={serverError} />
            </DialogContent>
            <DialogActions>
              <Button onClick={onClose}>{t('common.cancel')}</Button>
              <SaveButton submit testId={`${testId}-save`} saving={saving} />
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
