import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState, type ReactNode } from 'react';
import { useT } from '../i18n';
import type { FieldErrors, Schema } from '../lib/issues';
import { useConfirmDelete } from './confirm-delete';
import { ServerError, useForm } from './form';
import { Loading, PageHeader } from './page';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, justifyContent: 'flex-end' },
  empty: { color: tokens.colorNeutralForeground3 },
});

export type Column<T> = { header: string; cell: (item: T) => ReactNode };

type Props<T extends { id: string; name: string }, D> = {
  /** Prefix of the test ids: `<testId>-new`, `-row`, `-edit`, `-delete`, `-save`. */
  testId: string;
  title: string;
  description: string;
  newLabel: string;
  emptyText: string;
  items: T[] | undefined;
  error: unknown;
  columns: Column<T>[];
  schema: Schema<D>;
  blank: () => D;
  toDraft: (item: T) => D;
  renderForm: (draft: D, setDraft: (update: (d: D) => D) => void, errors: FieldErrors) => ReactNode;
  create: (data: D) => Promise<unknown>;
  update: (id: string, data: D) => Promise<unknown>;
  remove: (id: string) => Promise<unknown>;
};

/** A list with a dialog to create or change one item: skills, capacity profiles, presences. */
export function CrudPage<T extends { id: string; name: string }, D>(props: Props<T, D>) {
  const styles = useStyles();
  const { t } = useT();
  const del = useConfirmDelete();
  const [editing, setEditing] = useState<{ id: string | null; key: number } | null>(null);
  const { items, columns } = props;

  return (
    <section>
      <PageHeader
        title={props.title}
        description={props.description}
        actions={
          <Button appearance="primary" data-testid={`${props.testId}-new`} onClick={() => setEditing({ id: null, key: Date.now() })}>
            {props.newLabel}
          </Button>
        }
      />
      {!items ? (
        <Loading error={props.error} />
      ) : items.length === 0 ? (
        <p className={styles.empty}>{props.emptyText}</p>
      ) : (
        <Table aria-label={props.title} data-testid={`${props.testId}-table`}>
          <TableHeader>
            <TableRow>
              {columns.map((c) => (
                <TableHeaderCell key={c.header}>{c.header}</TableHeaderCell>
              ))}
              <TableHeaderCell>{t('common.actions')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {items.map((item) => (
              <TableRow key={item.id} data-testid={`${props.testId}-row`} data-name={item.name}>
                {columns.map((c) => (
                  <TableCell key={c.header}>{c.cell(item)}</TableCell>
                ))}
                <TableCell>
                  <div className={styles.actions}>
                    <Button size="small" data-testid={`${props.testId}-edit`} onClick={() => setEditing({ id: item.id, key: Date.now() })}>
                      {t('common.edit')}
                    </Button>
                    <Button
                      size="small"
                      data-testid={`${props.testId}-delete`}
                      onClick={() => del.ask({ name: item.name, run: () => props.remove(item.id) })}
                    >
                      {t('common.delete')}
                    </Button>
                  </div>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {editing && (
        <EditDialog
          key={editing.key}
          {...props}
          item={editing.id ? items?.find((i) => i.id === editing.id) : undefined}
          onClose={() => setEditing(null)}
        />
      )}
      {del.dialog}
    </section>
  );
}

function EditDialog<T extends { id: string; name: string }, D>(props: Props<T, D> & { item: T | undefined; onClose: () => void }) {
  const styles = useStyles();
  const { t } = useT();
  const { item } = props;
  const form = useForm<D>(props.schema, () => (item ? props.toDraft(item) : props.blank()));

  async function submit() {
    const saved = await form.save((data) => (item ? props.update(item.id, data) : props.create(data)), t('form.saved'));
    if (saved !== null) props.onClose();
  }

  return (
    <Dialog open onOpenChange={(_, d) => !d.open && props.onClose()}>
      <DialogSurface data-testid={`${props.testId}-dialog`}>
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <DialogBody>
            <DialogTitle>{item ? t('common.editNamed', { name: item.name }) : props.newLabel}</DialogTitle>
            <DialogContent className={styles.form}>
              {props.renderForm(form.draft, (update) => form.setDraft(update), form.errors)}
              <ServerError message={form.serverError} />
            </DialogContent>
            <DialogActions>
              <Button onClick={props.onClose}>{t('common.cancel')}</Button>
              <Button appearance="primary" type="submit" data-testid={`${props.testId}-save`} disabled={form.saving}>
                {form.saving ? t('common.saving') : t('common.save')}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
