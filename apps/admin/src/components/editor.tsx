import { Button } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { useT } from '../i18n';
import type { FieldErrors } from '../lib/issues';
import { useConfirmDelete } from './confirm-delete';
import { ErrorSummary, ServerError } from './form';
import { PageHeader } from './page';
import { ButtonBar, Stack } from './section';

/** The primary save button of a form: says so while saving. */
export function SaveButton({ testId, saving, onSave, submit }: { testId: string; saving: boolean; onSave?: () => void; submit?: boolean }) {
  const { t } = useT();
  return (
    <Button appearance="primary" type={submit ? 'submit' : 'button'} data-testid={testId} disabled={saving} onClick={onSave}>
      {saving ? t('common.saving') : t('common.save')}
    </Button>
  );
}

/** The foot of an editor: what the server said, then the save button. */
export function SaveBar({ testId, form, onSave }: { testId: string; form: { saving: boolean; serverError: string | null }; onSave: () => void }) {
  return (
    <>
      <ServerError message={form.serverError} />
      <ButtonBar>
        <SaveButton testId={testId} saving={form.saving} onSave={onSave} />
      </ButtonBar>
    </>
  );
}

type EditorShellProps = {
  title: string;
  description: string;
  /** The list page: the back button, and where a delete goes. */
  backTo: string;
  /** Deletes the item edited (after the user confirms); absent for a new item or one that cannot be deleted. */
  remove?: { testId: string; name: string; run: () => Promise<unknown> };
  /** More header buttons, after back and delete. */
  actions?: ReactNode;
  /** Between the header and the form (tabs). */
  above?: ReactNode;
  errors: FieldErrors;
  children: ReactNode;
};

/** One item's editor page: header with back (and delete), the error summary, then the form. */
export function EditorShell({ title, description, backTo, remove, actions, above, errors, children }: EditorShellProps) {
  const { t } = useT();
  const navigate = useNavigate();
  const del = useConfirmDelete();
  return (
    <section>
      <PageHeader
        title={title}
        description={description}
        actions={
          <>
            <Button onClick={() => navigate(backTo)}>{t('common.back')}</Button>
            {remove && (
              <Button data-testid={remove.testId} onClick={() => del.ask({ name: remove.name, run: remove.run, after: () => navigate(backTo) })}>
                {t('common.delete')}
              </Button>
            )}
            {actions}
          </>
        }
      />
      {above}
      <Stack>
        <ErrorSummary errors={errors} />
        {children}
      </Stack>
      {del.dialog}
    </section>
  );
}
