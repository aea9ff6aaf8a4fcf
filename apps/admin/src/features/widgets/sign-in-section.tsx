import { Button, Field, Input, Radio, RadioGroup, Textarea } from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import { WidgetAuthSettings, type WidgetAuthView } from '@switchboard/protocol';
import { useT } from '../../i18n';
import { useApi } from '../../api/api';
import { fieldError, ServerError, useForm } from '../../components/form';
import { Loading } from '../../components/page';
import { ButtonBar, FieldGrid, Section } from '../../components/section';

type Mode = WidgetAuthView['mode'];
/** Every field kept while the admin switches mode; only the chosen mode's go to the server. */
type Draft = { mode: Mode; issuer: string; publicKeyPem: string; keyUrl: string };

const toSettings = (d: Draft) =>
  d.mode === 'off'
    ? { mode: d.mode }
    : d.mode === 'pem'
      ? { mode: d.mode, issuer: d.issuer, publicKeyPem: d.publicKeyPem }
      : { mode: d.mode, issuer: d.issuer, keyUrl: d.keyUrl };
/** The protocol's schema over the chosen mode's fields: its issues name the draft's fields. */
const DraftSchema = { safeParse: (d: unknown) => WidgetAuthSettings.safeParse(toSettings(d as Draft)) };

const draftOf = (v: WidgetAuthView): Draft => ({
  mode: v.mode,
  issuer: v.mode === 'off' ? '' : v.issuer,
  publicKeyPem: v.mode === 'pem' ? v.publicKeyPem : '',
  keyUrl: v.mode === 'jwks' ? v.keyUrl : '',
});

/** Authenticated chat (CH1, CH5): the keys the site's sign-in token (RS256 JWT) is checked against. */
export function SignInSection({ widgetId }: { widgetId: string }) {
  const { t } = useT();
  const call = useApi();
  const settings = useQuery({
    queryKey: ['getWidgetAuth', widgetId],
    queryFn: () => call('getWidgetAuth', { params: { widgetId } }),
  });
  return (
    <Section title={t('widgetSignIn.title')} description={t('widgetSignIn.description')} testId="widget-sign-in">
      {!settings.data ? (
        <Loading error={settings.error} />
      ) : (
        <SignInForm key={JSON.stringify(settings.data)} widgetId={widgetId} initial={draftOf(settings.data)} />
      )}
    </Section>
  );
}

function SignInForm({ widgetId, initial }: { widgetId: string; initial: Draft }) {
  const { t } = useT();
  const call = useApi();
  const form = useForm<WidgetAuthSettings, Draft>(DraftSchema, initial);
  const { draft, errors, setDraft } = form;
  const set = (key: keyof Draft) => (_: unknown, d: { value: string }) => setDraft((s) => ({ ...s, [key]: d.value }));
  return (
    <>
      <RadioGroup
        data-testid="widget-sign-in-mode"
        value={draft.mode}
        onChange={(_, d) => setDraft((s) => ({ ...s, mode: d.value as Mode }))}
      >
        <Radio value="off" label={t('widgetSignIn.off')} />
        <Radio value="pem" label={t('widgetSignIn.pem')} />
        <Radio value="jwks" label={t('widgetSignIn.jwks')} />
      </RadioGroup>
      {draft.mode !== 'off' && (
        <FieldGrid>
          <Field label={t('widgetSignIn.issuer')} hint={t('widgetSignIn.issuerHint')} {...fieldError(errors, 'issuer')}>
            <Input data-testid="widget-sign-in-issuer" value={draft.issuer} onChange={set('issuer')} />
          </Field>
          {draft.mode === 'pem' ? (
            <Field
              label={t('widgetSignIn.publicKey')}
              hint={t('widgetSignIn.publicKeyHint')}
              {...fieldError(errors, 'publicKeyPem')}
            >
              <Textarea
                data-testid="widget-sign-in-pem"
                resize="vertical"
                rows={6}
                placeholder="-----BEGIN PUBLIC KEY-----"
                value={draft.publicKeyPem}
                onChange={set('publicKeyPem')}
              />
            </Field>
          ) : (
            <Field
              label={t('widgetSignIn.keyUrl')}
              hint={t('widgetSignIn.keyUrlHint')}
              {...fieldError(errors, 'keyUrl')}
            >
              <Input
                data-testid="widget-sign-in-key-url"
                placeholder="https://shop.example/.well-known/jwks.json"
                value={draft.keyUrl}
                onChange={set('keyUrl')}
              />
            </Field>
          )}
        </FieldGrid>
      )}
      <ServerError message={form.serverError} />
      <ButtonBar>
        <Button
          appearance="primary"
          data-testid="widget-sign-in-save"
          disabled={form.saving}
          onClick={() =>
            void form.save((body) => call('updateWidgetAuth', { params: { widgetId }, body }), t('form.saved'))
          }
        >
          {form.saving ? t('common.saving') : t('widgetSignIn.save')}
        </Button>
      </ButtonBar>
    </>
  );
}
