import { Button, Field, Switch, Textarea } from '@fluentui/react-components';
import type { AutomatedMessage } from '@switchboard/protocol';
import { useT } from '../../i18n';
import { useApi } from '../../api/api';
import { ServerError, fieldError, useForm } from '../../components/form';
import { ButtonBar, FieldGrid, Section } from '../../components/section';
import { LANGUAGES } from '../templates/template-draft';
import { AutomatedFormSchema, draftOf, toAutomatedBody, type AutomatedDraft } from './automated-draft';

/** One event of one channel: on or off, and the admin's text per language over the built-in one. */
export function AutomatedMessageCard({ message }: { message: AutomatedMessage }) {
  const { t } = useT();
  const call = useApi();
  const form = useForm<AutomatedDraft>(AutomatedFormSchema, () => draftOf(message));
  const { draft, errors } = form;
  const { channel, trigger } = message;
  const save = () =>
    void form.save(
      (d) => call('saveAutomatedMessage', { params: { channel, trigger }, body: toAutomatedBody(d) }),
      t('form.saved'),
    );

  return (
    <div data-testid="automated-message" data-trigger={trigger} data-enabled={String(message.enabled)}>
      <Section title={t(`automated.triggers.${trigger}`)} description={t(`automated.when.${trigger}`)}>
        <Switch
          data-testid="automated-enabled"
          label={draft.enabled ? t('automated.on') : t('automated.off')}
          checked={draft.enabled}
          onChange={(_, d) => form.setDraft((x) => ({ ...x, enabled: d.checked }))}
        />
        <FieldGrid>
          {LANGUAGES.map((language) => (
            <Field
              key={language}
              label={t(`templates.languageNames.${language}`)}
              hint={language === 'en' ? t('automated.textHint') : undefined}
              {...fieldError(errors, `bodies.${language}`)}
            >
              <Textarea
                data-testid={`automated-body-${language}`}
                resize="vertical"
                rows={3}
                placeholder={message.defaults[language]}
                value={draft.bodies[language]}
                onChange={(_, d) => form.setDraft((x) => ({ ...x, bodies: { ...x.bodies, [language]: d.value } }))}
              />
            </Field>
          ))}
        </FieldGrid>
        <ServerError message={form.serverError} />
        <ButtonBar>
          <Button appearance="primary" data-testid="automated-save" disabled={form.saving} onClick={save}>
            {form.saving ? t('common.saving') : t('common.save')}
          </Button>
        </ButtonBar>
      </Section>
    </div>
  );
}
