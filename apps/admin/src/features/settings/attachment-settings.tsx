import { Button, Checkbox, Field, makeStyles } from '@fluentui/react-components';
import { ATTACHMENT_TYPES, AttachmentSettings, SERVER_MAX_ATTACHMENT_BYTES } from '@switchboard/protocol';
import { useT } from '../../i18n';
import { useApi } from '../../api/api';
import { useList } from '../../api/queries';
import { NumberInput, ServerError, fieldError, useForm } from '../../components/form';
import { Loading } from '../../components/page';
import { ButtonBar, FieldGrid, Section } from '../../components/section';

const MIB = 1024 * 1024;
const useStyles = makeStyles({ small: { width: '140px' }, types: { display: 'flex', flexDirection: 'column' } });

/** The attachment limits (AG4): the largest file, in MiB as admins think of it, and the types allowed. */
export function AttachmentSettingsSection() {
  const { t } = useT();
  const settings = useList('getAttachmentSettings');
  return (
    <Section title={t('settings.attachments')} description={t('settings.attachmentsHint')}>
      {!settings.data ? (
        <Loading error={settings.error} />
      ) : (
        <AttachmentForm key={JSON.stringify(settings.data)} settings={settings.data} />
      )}
    </Section>
  );
}

function AttachmentForm({ settings }: { settings: AttachmentSettings }) {
  const styles = useStyles();
  const { t } = useT();
  const call = useApi();
  const form = useForm<AttachmentSettings>(AttachmentSettings, settings);
  const { draft, errors } = form;
  const toggle = (type: (typeof ATTACHMENT_TYPES)[number], on: boolean) =>
    form.setDraft((s) => ({
      ...s,
      types: on ? ATTACHMENT_TYPES.filter((x) => x === type || s.types.includes(x)) : s.types.filter((x) => x !== type),
    }));
  return (
    <>
      <FieldGrid>
        <Field
          label={t('settings.attachmentMax')}
          hint={t('settings.attachmentMaxHint', { max: SERVER_MAX_ATTACHMENT_BYTES / MIB })}
          {...fieldError(errors, 'maxBytes')}
        >
          <NumberInput
            className={styles.small}
            data-testid="settings-attachment-max"
            min={1}
            max={SERVER_MAX_ATTACHMENT_BYTES / MIB}
            step={0.5}
            contentAfter="MiB"
            value={Math.round((draft.maxBytes / MIB) * 100) / 100}
            onChange={(v) => form.setDraft((s) => ({ ...s, maxBytes: v === undefined ? NaN : Math.round(v * MIB) }))}
          />
        </Field>
        <Field label={t('settings.attachmentTypes')} {...fieldError(errors, 'types')}>
          <div className={styles.types}>
            {ATTACHMENT_TYPES.map((type) => (
              <Checkbox
                key={type}
                data-testid={`settings-attachment-type-${type}`}
                label={t(`settings.attachmentType.${type.replace('/', '-')}` as 'settings.attachmentType.image-png')}
                checked={draft.types.includes(type)}
                onChange={(_, d) => toggle(type, d.checked === true)}
              />
            ))}
          </div>
        </Field>
      </FieldGrid>
      <ServerError message={form.serverError} />
      <ButtonBar>
        <Button
          appearance="primary"
          data-testid="settings-attachments-save"
          disabled={form.saving}
          onClick={() => void form.save((body) => call('updateAttachmentSettings', { body }), t('form.saved'))}
        >
          {form.saving ? t('common.saving') : t('common.save')}
        </Button>
      </ButtonBar>
    </>
  );
}
