import { Badge, Field, Input, Switch } from '@fluentui/react-components';
import { NewDispositionCode, type DispositionCode } from '@switchboard/protocol';
import { useApi } from '../../api/api';
import { useList } from '../../api/queries';
import { CrudPage } from '../../components/crud-page';
import { fieldError } from '../../components/form';
import { useT } from '../../i18n';

type Draft = Omit<DispositionCode, 'id'>;

/** Disposition codes (AG4): what agents pick in the wrap-up form. A used one is retired, not deleted. */
export function DispositionCodesPage() {
  const { t } = useT();
  const call = useApi();
  const codes = useList('listDispositionCodes');
  return (
    <CrudPage<DispositionCode, Draft>
      testId="disposition-code"
      title={t('dispositionCodes.title')}
      description={t('dispositionCodes.description')}
      newLabel={t('dispositionCodes.new')}
      emptyText={t('dispositionCodes.empty')}
      items={codes.data}
      error={codes.error}
      columns={[
        { header: t('common.name'), cell: (c) => c.name },
        {
          header: t('dispositionCodes.status'),
          testId: 'disposition-code-status',
          cell: (c) => (
            <Badge appearance="tint" color={c.active ? 'success' : 'informative'}>
              {c.active ? t('dispositionCodes.active') : t('dispositionCodes.retired')}
            </Badge>
          ),
        },
      ]}
      rowData={(c) => ({ 'data-id': c.id, 'data-name': c.name, 'data-active': String(c.active) })}
      schema={NewDispositionCode}
      blank={() => ({ name: '', active: true })}
      toDraft={({ name, active }) => ({ name, active })}
      renderForm={(draft, setDraft, errors) => (
        <>
          <Field
            label={t('common.name')}
            required
            hint={t('dispositionCodes.nameHint')}
            {...fieldError(errors, 'name')}
          >
            <Input
              data-testid="disposition-code-name"
              value={draft.name}
              onChange={(_, d) => setDraft((c) => ({ ...c, name: d.value }))}
            />
          </Field>
          <Field hint={t('dispositionCodes.activeHint')}>
            <Switch
              data-testid="disposition-code-active"
              label={t('dispositionCodes.offered')}
              checked={draft.active}
              onChange={(_, d) => setDraft((c) => ({ ...c, active: d.checked }))}
            />
          </Field>
        </>
      )}
      create={(body) => call('createDispositionCode', { body })}
      update={(id, body) => call('updateDispositionCode', { params: { id }, body })}
      remove={(id) => call('deleteDispositionCode', { params: { id } })}
    />
  );
}
