import { Field, Input, Switch } from '@fluentui/react-components';
import { ApiClientChange, NewApiClient, type ApiClientAccount } from '@switchboard/protocol';
import { useT } from '../../i18n';
import { useApi } from '../../api/api';
import { fieldError, useForm } from '../../components/form';
import { FormDialog } from './form-dialog';
import type { Issued } from './issued-key-dialog';

/** A new API client with its first key: the key goes to `onIssued`, to be shown once. */
export function NewClientDialog({ onClose, onIssued }: { onClose: () => void; onIssued: (i: Issued) => void }) {
  const { t } = useT();
  const call = useApi();
  const form = useForm<NewApiClient>(NewApiClient, () => ({ name: '', keyName: t('apiClients.firstKeyName') }));
  const { draft, errors } = form;

  async function submit() {
    const made = await form.save((body) => call('createApiClient', { body }), t('form.created'));
    if (made) onIssued({ clientName: made.client.name, keyName: made.key.name, secret: made.secret });
  }

  return (
    <FormDialog
      testId="api-client"
      title={t('apiClients.new')}
      saving={form.saving}
      serverError={form.serverError}
      onSubmit={() => void submit()}
      onClose={onClose}
    >
      <Field label={t('common.name')} hint={t('apiClients.nameHint')} required {...fieldError(errors, 'name')}>
        <Input
          data-testid="api-client-name"
          value={draft.name}
          onChange={(_, d) => form.setDraft((s) => ({ ...s, name: d.value }))}
        />
      </Field>
      <Field label={t('apiClients.keyName')} hint={t('apiClients.keyNameHint')} {...fieldError(errors, 'keyName')}>
        <Input
          data-testid="api-client-key-name"
          value={draft.keyName}
          onChange={(_, d) => form.setDraft((s) => ({ ...s, keyName: d.value }))}
        />
      </Field>
    </FormDialog>
  );
}

/** Rename a client, or disable it: every one of its keys is refused from the next request on. */
export function EditClientDialog({ client, onClose }: { client: ApiClientAccount; onClose: () => void }) {
  const { t } = useT();
  const call = useApi();
  const form = useForm<ApiClientChange>(ApiClientChange, () => ({ name: client.name, disabled: client.disabled }));
  const { draft, errors } = form;

  async function submit() {
    const send = (body: ApiClientChange) => call('updateApiClient', { params: { id: client.id }, body });
    if (await form.save(send, t('form.saved'))) onClose();
  }

  return (
    <FormDialog
      testId="api-client"
      title={t('common.editNamed', { name: client.name })}
      saving={form.saving}
      serverError={form.serverError}
      onSubmit={() => void submit()}
      onClose={onClose}
    >
      <Field label={t('common.name')} required {...fieldError(errors, 'name')}>
        <Input
          data-testid="api-client-name"
          value={draft.name}
          onChange={(_, d) => form.setDraft((s) => ({ ...s, name: d.value }))}
        />
      </Field>
      <Switch
        data-testid="api-client-disabled"
        label={t('apiClients.disable')}
        checked={draft.disabled}
        onChange={(_, d) => form.setDraft((s) => ({ ...s, disabled: d.checked }))}
      />
    </FormDialog>
  );
}
