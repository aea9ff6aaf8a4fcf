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
import { useState, type ReactNode } from 'react';
import { useT } from '../i18n';
import type { FieldErrors, Schema } from '../lib/issues';
import { SaveButton } from './editor';
import { EntityList, type Column, type EntityListProps } from './entity-list';
import { ServerError, useForm } from './form';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

type Props<T extends { id: string; name: string }, D> = {
  /** Prefix of the test ids: `<testId>-new`, `-row`, `-edit`, `-delete`, `-save`, `-dialog`. */
  testId: string;
  title: string;
  description: string;
  newLabel: string;
  emptyText: string;
  items: T[] | undefined;
  error: unknown;
  columns: Column<T>[];
  /** Attributes of each row, besides its test id (by default `data-name`). */
  rowData?: EntityListProps<T>['rowData'];
  schema: Schema<D>;
  blank: () => D;
  toDraft: (item: T) => D;
  /** The dialog's fields; `item` is the item edited, undefined while creating one. */
  renderForm: (
    draft: D,
    setDraft: (update: (d: D) => D) => void,
    errors: FieldErrors,
    item: T | undefined,
  ) => ReactNode;
  create: (data: D) => Promise<unknown>;
  update: (id: string, data: D) => Promise<unknown>;
  /** Deletes one item, after the user confirms; without it there is no delete button. */
  remove?: (id: string) => Promise<unknown>;
  /** Row buttons between edit and delete. */
  extraActions?: EntityListProps<T>['extraActions'];
};

/** A list with a dialog to create or change one item: skills, capacity profiles, presences, chat widgets, channels. */
export function CrudPage<T extends { id: string; name: string }, D>(props: Props<T, D>) {
  const [editing, setEditing] = useState<{ id: string | null; key: number } | null>(null);
  const { items, remove } = props;

  return (
    <EntityList
      testId={props.testId}
      title={props.title}
      description={props.description}
      add={{ label: props.newLabel, onClick: () => setEditing({ id: null, key: Date.now() }) }}
      emptyText={props.emptyText}
      items={items}
      error={props.error}
      columns={props.columns}
      rowData={props.rowData}
      onEdit={(item) => setEditing({ id: item.id, key: Date.now() })}
      extraActions={props.extraActions}
      remove={remove && ((item) => remove(item.id))}
    >
      {editing && (
        <EditDialog
          key={editing.key}
          {...props}
          item={editing.id ? items?.find((i) => i.id === editing.id) : undefined}
          onClose={() => setEditing(null)}
        />
      )}
    </EntityList>
  );
}

function EditDialog<T extends { id: string; name: string }, D>(
  props: Props<T, D> & { item: T | undefined; onClose: () => void },
) {
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
              {props.renderForm(form.draft, (update) => form.setDraft(update), form.errors, item)}
              <ServerError message={form.serverError} />
            </DialogContent>
            <DialogActions>
              <Button onClick={props.onClose}>{t('common.cancel')}</Button>
              <SaveButton submit testId={`${props.testId}-save`} saving={form.saving} />
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
