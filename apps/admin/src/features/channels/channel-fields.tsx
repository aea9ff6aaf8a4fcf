import { Field, Input, Select } from '@fluentui/react-components';
import type { ChannelProvider, ChannelView } from '@switchboard/protocol';
import { useT } from '../../i18n';
import { useList } from '../../api/queries';
import { fieldError } from '../../components/form';
import type { FieldErrors } from '../../lib/issues';
import { emptyFields, type ChannelDraft } from './channel-draft';
import { ConfigFieldInput } from './config-field-input';
import { PROVIDERS, PROVIDER_FIELDS } from './provider-fields';
import { WebhookUrl } from './webhook-url';

type Props = {
  draft: ChannelDraft;
  setDraft: (update: (d: ChannelDraft) => ChannelDraft) => void;
  errors: FieldErrors;
  /** The channel edited; undefined while creating one. */
  channel: ChannelView | undefined;
};

/** The fields of the channel dialog: name, provider (fixed once created), workstream, the provider's config. */
export function ChannelFields({ draft, setDraft, errors, channel }: Props) {
  const { t } = useT();
  const workstreams = useList('listWorkstreams');
  const setField = (key: string, value: string) => setDraft((d) => ({ ...d, fields: { ...d.fields, [key]: value } }));
  // Another provider asks for other fields: start them afresh rather than carry one provider's values to another.
  const setProvider = (provider: ChannelProvider) =>
    setDraft((d) => ({ ...d, provider, fields: emptyFields(provider) }));

  return (
    <>
      <Field label={t('channels.name')} required hint={t('channels.nameHint')} {...fieldError(errors, 'name')}>
        <Input
          data-testid="channel-name"
          value={draft.name}
          maxLength={80}
          onChange={(_, d) => setDraft((c) => ({ ...c, name: d.value }))}
        />
      </Field>
      <Field label={t('channels.provider')} required hint={t('channels.providerHint')}>
        <Select
          data-testid="channel-provider"
          value={draft.provider}
          disabled={channel !== undefined}
          onChange={(_, d) => setProvider(d.value as ChannelProvider)}
        >
          {PROVIDERS.map((p) => (
            <option key={p} value={p}>
              {t(`channels.providers.${p}`)}
            </option>
          ))}
        </Select>
      </Field>
      <Field
        label={t('channels.workstream')}
        required
        hint={workstreams.data?.length === 0 ? t('channels.noWorkstreams') : t('channels.workstreamHint')}
        {...fieldError(errors, 'workstreamId')}
      >
        <Select
          data-testid="channel-workstream"
          value={draft.workstreamId}
          onChange={(_, d) => setDraft((c) => ({ ...c, workstreamId: d.value }))}
        >
          <option value="">{t('channels.chooseWorkstream')}</option>
          {workstreams.data?.map((w) => (
            <option key={w.id} value={w.id}>
              {w.name}
            </option>
          ))}
        </Select>
      </Field>
      {PROVIDER_FIELDS[draft.provider].map((f) => (
        <ConfigFieldInput
          key={`${draft.provider}.${f.key}`}
          field={f}
          value={draft.fields[f.key] ?? ''}
          onChange={(value) => setField(f.key, value)}
          errors={errors}
          stored={channel ? (draft.storedSecrets[f.key] ?? false) : undefined}
        />
      ))}
      {channel && <WebhookUrl url={channel.webhookUrl} provider={channel.provider} />}
    </>
  );
}
