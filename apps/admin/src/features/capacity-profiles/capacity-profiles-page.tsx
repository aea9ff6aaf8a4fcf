import { Field, Input, Select, Switch } from '@fluentui/react-components';
import { NewCapacityProfile, type CapacityProfile } from '@switchboard/protocol';
import { useT } from '../../i18n';
import { useApi } from '../../api/api';
import { useList } from '../../api/queries';
import { CrudPage } from '../../components/crud-page';
import { NumberInput, fieldError } from '../../components/form';

type Draft = Omit<CapacityProfile, 'id'>;

export function CapacityProfilesPage() {
  const { t } = useT();
  const call = useApi();
  const profiles = useList('listCapacityProfiles');
  return (
    <CrudPage<CapacityProfile, Draft>
      testId="capacity-profile"
      title={t('capacityProfiles.title')}
      description={t('capacityProfiles.description')}
      newLabel={t('capacityProfiles.new')}
      emptyText={t('capacityProfiles.empty')}
      items={profiles.data}
      error={profiles.error}
      columns={[
        { header: t('common.name'), cell: (p) => p.name },
        { header: t('capacityProfiles.defaultLimit'), cell: (p) => p.defaultLimit },
        { header: t('capacityProfiles.resetFrequency'), cell: (p) => t(`capacityProfiles.reset.${p.resetFrequency}`) },
        { header: t('capacityProfiles.blocksAssignment'), cell: (p) => (p.blocksAssignment ? t('common.yes') : t('common.no')) },
      ]}
      schema={NewCapacityProfile}
      blank={() => ({ name: '', defaultLimit: 1, resetFrequency: 'immediate', blocksAssignment: true })}
      toDraft={({ id: _id, ...rest }) => rest}
      renderForm={(draft, setDraft, errors) => (
        <>
          <Field label={t('common.name')} required {...fieldError(errors, 'name')}>
            <Input data-testid="capacity-profile-name" value={draft.name} onChange={(_, d) => setDraft((p) => ({ ...p, name: d.value }))} />
          </Field>
          <Field label={t('capacityProfiles.defaultLimit')} hint={t('capacityProfiles.defaultLimitHint')} required {...fieldError(errors, 'defaultLimit')}>
            <NumberInput
              data-testid="capacity-profile-limit"
              min={1}
              max={1000}
              value={draft.defaultLimit}
              onChange={(v) => setDraft((p) => ({ ...p, defaultLimit: v ?? NaN }))}
            />
          </Field>
          <Field label={t('capacityProfiles.resetFrequency')} hint={t('capacityProfiles.resetHint')} {...fieldError(errors, 'resetFrequency')}>
            <Select
              data-testid="capacity-profile-reset"
              value={draft.resetFrequency}
              onChange={(_, d) => setDraft((p) => ({ ...p, resetFrequency: d.value as Draft['resetFrequency'] }))}
            >
              <option value="immediate">{t('capacityProfiles.reset.immediate')}</option>
              <option value="end-of-day">{t('capacityProfiles.reset.end-of-day')}</option>
            </Select>
          </Field>
          <Field hint={t('capacityProfiles.blocksHint')}>
            <Switch
              data-testid="capacity-profile-blocks"
              label={t('capacityProfiles.blocksAssignment')}
              checked={draft.blocksAssignment}
              onChange={(_, d) => setDraft((p) => ({ ...p, blocksAssignment: d.checked }))}
            />
          </Field>
        </>
      )}
      create={(body) => call('createCapacityProfile', { body })}
      update={(id, body) => call('updateCapacityProfile', { params: { id }, body })}
      remove={(id) => call('deleteCapacityProfile', { params: { id } })}
    />
  );
}
