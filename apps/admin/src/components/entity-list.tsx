import { Button, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { useT } from '../i18n';
import { useConfirmDelete } from './confirm-delete';
import { Loading, PageHeader } from './page';

const useStyles = makeStyles({
  actions: { display: 'flex', gap: tokens.spacingHorizontalS },
  muted: { color: tokens.colorNeutralForeground3 },
});

export type Column<T> = { header: string; cell: (item: T) => ReactNode; testId?: string };

export type EntityListProps<T extends { id: string; name: string }> = {
  /** Prefix of the test ids: `<testId>-new`, `-table`, `-row`, `-edit`, `-delete`. */
  testId: string;
  title: string;
  description: string;
  /** The add button, left out where items cannot be added. */
  add?: { label: string; onClick: () => void };
  /** Shown when there are no items; without it an empty table is shown. */
  emptyText?: string;
  items: T[] | undefined;
  error: unknown;
  columns: Column<T>[];
  /** Attributes of each row, besides its test id (by default `data-name`). */
  rowData?: (item: T) => Record<`data-${string}`, string>;
  onEdit: (item: T) => void;
  /** Row buttons between edit and delete. */
  extraActions?: (item: T) => ReactNode;
  /** Deletes one item, after the user confirms; without it there is no delete button. */
  remove?: (item: T) => Promise<unknown>;
  /** Below the table: dialogs and the like. */
  children?: ReactNode;
};

/** A page listing one kind of configuration: header with an add button, a table with edit and delete (confirmed) per row. */
export function EntityList<T extends { id: string; name: string }>(props: EntityListProps<T>) {
  const styles = useStyles();
  const { t } = useT();
  const del = useConfirmDelete();
  const { items, columns, testId, remove } = props;
  const rowData = props.rowData ?? ((item: T) => ({ 'data-name': item.name }));

  return (
    <section>
      <PageHeader
        title={props.title}
        description={props.description}
        actions={
          props.add && (
            <Button appearance="primary" data-testid={`${testId}-new`} onClick={props.add.onClick}>
              {props.add.label}
            </Button>
          )
        }
      />
      {!items ? (
        <Loading error={props.error} />
      ) : items.length === 0 && props.emptyText !== undefined ? (
        <Text as="p" className={styles.muted}>
          {props.emptyText}
        </Text>
      ) : (
        <Table aria-label={props.title} data-testid={`${testId}-table`}>
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
              <TableRow key={item.id} data-testid={`${testId}-row`} {...rowData(item)}>
                {columns.map((c) => (
                  <TableCell key={c.header} data-testid={c.testId}>
                    {c.cell(item)}
                  </TableCell>
                ))}
                <TableCell>
                  <div className={styles.actions}>
                    <Button size="small" data-testid={`${testId}-edit`} onClick={() => props.onEdit(item)}>
                      {t('common.edit')}
                    </Button>
                    {props.extraActions?.(item)}
                    {remove && (
                      <Button size="small" data-testid={`${testId}-delete`} onClick={() => del.ask({ name: item.name, run: () => remove(item) })}>
                        {t('common.delete')}
                      </Button>
                    )}
                  </div>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {props.children}
      {del.dialog}
    </section>
  );
}
