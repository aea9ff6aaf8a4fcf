import {
  Button,
  Checkbox,
  Field,
  Input,
  Radio,
  RadioGroup,
  Switch,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import {
  NOTIFICATION_FIELDS,
  NOTIFICATION_TIMEOUT_MAX,
  NOTIFICATION_TIMEOUT_MIN,
  type NotificationTemplate,
} from '@switchboard/protocol';
import { useT } from '../../i18n';
import { useApi } from '../../api/api';
import { NumberInput, ServerError, fieldError, useForm } from '../../components/form';
import { ButtonBar, FieldGrid, Section } from '../../components/section';
import { LANGUAGES } from '../templates/template-draft';
import {
  NotificationFormSchema,
  draftOf,
  toNotificationBody,
  toggleField,
  type NotificationDraft,
} from './notification-template-draft';

const useStyles = makeStyles({ fields: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalL } });

/** One scenario's notification (AG2): toast or alert, titles, fields shown, timeout, auto-accept, theme. */
export function NotificationTemplateCard({ template }: { template: NotificationTemplate }) {
  const { t } = useT();
  const styles = useStyles();
  const call = useApi();
  const form = useForm<NotificationDraft>(NotificationFormSchema, () => draftOf(template));
  const { draft, errors } = form;
  const { scenario } = template;
  const set = (patch: Partial<NotificationDraft>) => form.setDraft((x) => ({ ...x, ...patch }));
  const save = () =>
    void form.save(
      (d) => call('saveNotificationTemplate', { params: { scenario }, body: toNotificationBody(d) }),
      t('form.saved'),
    );

  return (
    <div data-testid="notification-template" data-scenario={scenario} data-kind={template.kind}>
      <Section title={t(`notifications.scenarios.${scenario}`)} description={t(`notifications.when.${scenario}`)}>
        <FieldGrid>
          <Field label={t('notifications.kind')}>
            <RadioGroup
              data-testid="notification-kind"
              layout="horizontal"
              value={draft.kind}
              onChange={(_, d) => set({ kind: d.value as NotificationDraft['kind'] })}
            >
              <Radio value="toast" label={t('notifications.kinds.toast')} data-testid="notification-kind-toast" />
              <Radio value="alert" label={t('notifications.kinds.alert')} data-testid="notification-kind-alert" />
            </RadioGroup>
          </Field>
          <Field label={t('notifications.theme')}>
            <RadioGroup
              layout="horizontal"
              value={draft.theme}
              onChange={(_, d) => set({ theme: d.value as NotificationDraft['theme'] })}
            >
              <Radio value="light" label={t('notifications.themes.light')} data-testid="notification-theme-light" />
              <Radio value="dark" label={t('notifications.themes.dark')} data-testid="notification-theme-dark" />
            </RadioGroup>
          </Field>
          <Field
            label={t('notifications.timeout')}
            hint={t('notifications.timeoutHint', { min: NOTIFICATION_TIMEOUT_MIN, max: NOTIFICATION_TIMEOUT_MAX })}
            {...fieldError(errors, 'timeoutSeconds')}
          >
            <NumberInput
              data-testid="notification-timeout"
              min={NOTIFICATION_TIMEOUT_MIN}
              max={NOTIFICATION_TIMEOUT_MAX}
              value={draft.timeoutSeconds}
              onChange={(v) => set({ timeoutSeconds: v })}
            />
          </Field>
          {template.autoAcceptApplies && (
            <Switch
              data-testid="notification-auto-accept"
              label={t('notifications.autoAccept')}
              checked={draft.autoAccept}
              onChange={(_, d) => set({ autoAccept: d.checked })}
            />
          )}
        </FieldGrid>
        <Field label={t('notifications.fields')} {...fieldError(errors, 'fields')}>
          <div className={styles.fields}>
            {NOTIFICATION_FIELDS.map((f) => (
              <Checkbox
                key={f}
                data-testid={`notification-field-${f}`}
                label={t(`notifications.fieldNames.${f}`)}
                checked={draft.fields.includes(f)}
                onChange={(_, d) =>
                  set({ fields: toggleField(draft.fields, f, d.checked === true, NOTIFICATION_FIELDS) })
                }
              />
            ))}
          </div>
        </Field>
        <FieldGrid>
          {LANGUAGES.map((language) => (
            <Field
              key={language}
              label={t('notifications.titleIn', { language: t(`templates.languageNames.${language}`) })}
              {...fieldError(errors, `titles.${language}`)}
            >
              <Input
                data-testid={`notification-title-${language}`}
                placeholder={template.defaults[language]}
                value={draft.titles[language]}
                onChange={(_, d) => set({ titles: { ...draft.titles, [language]: d.value } })}
              />
            </Field>
          ))}
        </FieldGrid>
        <ServerError message={form.serverError} />
        <ButtonBar>
          <Button appearance="primary" data-testid="notification-save" disabled={form.saving} onClick={save}>
            {form.saving ? t('common.saving') : t('common.save')}
          </Button>
        </ButtonBar>
      </Section>
    </div>
  );
}
