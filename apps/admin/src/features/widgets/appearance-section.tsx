import { Field, Input, Radio, RadioGroup, Text, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import type { WidgetLanguage, WidgetTexts } from '@switchboard/protocol';
import { useState } from 'react';
import { useT } from '../../i18n';
import { fieldError } from '../../components/form';
import { FieldGrid } from '../../components/section';
import type { SettingsForm } from './widget-settings-editor';

const LANGUAGES: WidgetLanguage[] = ['en', 'nl', 'fr'];
const useStyles = makeStyles({
  swatch: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  preview: { padding: tokens.spacingVerticalS, borderRadius: tokens.borderRadiusMedium },
});

/** Colours, logo, theme, and the title and texts per language (CH1). */
export function AppearanceSection({ form }: { form: SettingsForm }) {
  const { t } = useT();
  const styles = useStyles();
  const [lang, setLang] = useState<WidgetLanguage>('en');
  const { draft, errors } = form;
  const a = draft.appearance;
  const set = (patch: Partial<typeof a>) => form.setDraft((s) => ({ ...s, appearance: { ...s.appearance, ...patch } }));
  const setText = (key: keyof WidgetTexts, value: string) =>
    set({ texts: { ...a.texts, [lang]: { ...a.texts[lang], [key]: value } } });
  return (
    <>
      <Text weight="semibold">{t('widgetSettings.appearance')}</Text>
      <FieldGrid>
        <Field label={t('widgetSettings.primaryColor')} {...fieldError(errors, 'appearance.primaryColor')}>
          <Input
            data-testid="widget-primary-color"
            value={a.primaryColor}
            onChange={(_, d) => set({ primaryColor: d.value })}
          />
        </Field>
        <Field label={t('widgetSettings.textColor')} {...fieldError(errors, 'appearance.textColor')}>
          <Input data-testid="widget-text-color" value={a.textColor} onChange={(_, d) => set({ textColor: d.value })} />
        </Field>
        <Field
          label={t('widgetSettings.logoUrl')}
          hint={t('widgetSettings.logoHint')}
          {...fieldError(errors, 'appearance.logoUrl')}
        >
          <Input
            data-testid="widget-logo-url"
            value={a.logoUrl ?? ''}
            placeholder="https://"
            onChange={(_, d) => set({ logoUrl: d.value.trim() === '' ? null : d.value.trim() })}
          />
        </Field>
        <Field label={t('widgetSettings.theme')}>
          <RadioGroup
            layout="horizontal"
            value={a.theme}
            onChange={(_, d) => set({ theme: d.value as typeof a.theme })}
          >
            <Radio value="auto" label={t('widgetSettings.auto')} data-testid="widget-theme-auto" />
            <Radio value="light" label={t('widgetSettings.light')} data-testid="widget-theme-light" />
            <Radio value="dark" label={t('widgetSettings.dark')} data-testid="widget-theme-dark" />
          </RadioGroup>
        </Field>
      </FieldGrid>
      <div
        className={styles.preview}
        style={{ background: /^#[0-9a-f]{6}$/i.test(a.primaryColor) ? a.primaryColor : undefined, color: a.textColor }}
        data-testid="widget-colour-preview"
      >
        {a.texts[lang].title || t('widgetSettings.previewTitle')}
      </div>
      <Field label={t('widgetSettings.language')}>
        <RadioGroup layout="horizontal" value={lang} onChange={(_, d) => setLang(d.value as WidgetLanguage)}>
          {LANGUAGES.map((l) => (
            <Radio key={l} value={l} label={l.toUpperCase()} data-testid={`widget-texts-${l}`} />
          ))}
        </RadioGroup>
      </Field>
      <FieldGrid>
        <Field label={t('widgetSettings.textTitle')} {...fieldError(errors, `appearance.texts.${lang}.title`)}>
          <Input
            data-testid="widget-text-title"
            value={a.texts[lang].title}
            onChange={(_, d) => setText('title', d.value)}
          />
        </Field>
        <Field label={t('widgetSettings.greeting')} {...fieldError(errors, `appearance.texts.${lang}.greeting`)}>
          <Textarea
            data-testid="widget-text-greeting"
            value={a.texts[lang].greeting}
            onChange={(_, d) => setText('greeting', d.value)}
          />
        </Field>
        <Field
          label={t('widgetSettings.offlineMessage')}
          {...fieldError(errors, `appearance.texts.${lang}.offlineMessage`)}
        >
          <Textarea
            data-testid="widget-text-offline"
            value={a.texts[lang].offlineMessage}
            onChange={(_, d) => setText('offlineMessage', d.value)}
          />
        </Field>
      </FieldGrid>
    </>
  );
}
