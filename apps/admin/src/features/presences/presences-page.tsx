import { Field, Input, Select } from '@fluentui/react-components';
import { NewCustomPresence, Presence, type CustomPresence } from '@switchboard/protocol';
import { useT } from '../../i18n';
import { useApi } from '../../api/api';
import { useList } from '../../api/queries';
import { CrudPage } from '../../components/crud-page';
import { fieldError } from '../../components/form';

type Draft = Omit<CustomPresence, 'id'>;

export function PresencesPage() {
  const { t } = useT();
  const call = useApi();
  const presences = useList('listPresences');
  return (
    <CrudPage<CustomPresence, Draft>
      testId="presence"
      title={t('presences.title')}
      description={t('presences.description')}
      newLabel={t('presences.new')}
      emptyText={t('presences.empty')}
      items={presences.data}
      error={presences.error}
      columns={[
        { header: t('common.name'), cell: (p) => p.name },
        { header: t('presences.base'), cell: (p) => t(`presence.${p.base}`) },
      ]}
      schema={NewCustomPresence}
      blank={() => ({ name: '', base: 'away' })}
      toDraft={({ name, base }) => ({ name, base })}
      renderForm={(draft, setDraft, errors) => (
        <>
          <Field label={t('common.name')} required hint={t('presences.nameHint')} {...fieldError(errors, 'name')}>
            <Input data-testid="presence-name" value={draft.name} onChange={(_, d) => setDraft((p) => ({ ...p, name: d.value }))} />
          </Field>
          <Field label={t('presences.base')} hint={t('presences.baseHint')} {...fieldError(errors, 'base')}>
            <Select data-testid="presence-base" value={draft.base} onChange={(_, d) => setDraft((p) => ({ ...p, base: d.value as Draft['base'] }))}>
              {Presence.options.map((p) => (
                <option key={p} value={p}>
                  {t(`presence.${p}`)}
                </option>
              ))}
            </Select>
          </Field>
        </>
      )}
      create={(body) => call('createPresence', { body })}
      update={(id, body) => call('updatePresence', { params: { id }, body })}
      remove={(id) => call('deletePresence', { params: { id } })}
    />
  );
}
