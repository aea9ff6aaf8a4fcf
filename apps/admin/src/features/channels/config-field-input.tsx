import { Badge, Field, Input, Select, Textarea } from '@fluentui/react-components';
import { useT } from '../../i18n';
import { fieldError } from '../../components/form';
import type { FieldErrors } from '../../lib/issues';
import type { ConfigField } from './provider-fields';

type Props = {
  field: ConfigField;
  value: string;
  onChange: (value: string) => void;
  errors: FieldErrors;
  /** Editing a saved channel: whether the server holds this secret; undefined while creating one. */
  stored: boolean | undefined;
};

/** The first problem with a field or one of its items (the server says `config.numbers.1` for a bad number). */
function errorOf(errors: FieldErrors, path: string) {
  return Object.entries(errors).find(([k]) => k === path || k.startsWith(`${path}.`))?.[1] ?? '';
}

/** One field of a provider's `config`. A secret is write-only: it is never shown, only whether it is set. */
export function ConfigFieldInput({ field, value, onChange, errors, stored }: Props) {
  const { t } = useT();
  const testId = `channel-config-${field.key}`;
  const error = fieldError({ [field.key]: errorOf(errors, `config.${field.key}`) }, field.key);
  const label = t(field.label);

  if (field.kind === 'secret') {
    const state =
      stored === undefined ? null : (
        <Badge appearance="tint" color={stored ? 'success' : 'warning'} data-testid={`${testId}-state`}>
          {stored ? t('channels.secretSet') : t('channels.secretUnset')}
        </Badge>
      );
    return (
      <Field
        label={{
          children: (
            <>
              {label} {state}
            </>
          ),
        }}
        required={field.required && !stored}
        hint={t(field.hint)}
        {...error}
      >
        <Input
          data-testid={testId}
          type="password"
          autoComplete="new-password"
          value={value}
          placeholder={stored ? t('channels.keepSecret') : undefined}
          onChange={(_, d) => onChange(d.value)}
        />
      </Field>
    );
  }
  return (
    <Field label={label} required={field.required} hint={t(field.hint)} {...error}>
      {field.kind === 'numbers' ? (
        <Textarea
          data-testid={testId}
          resize="vertical"
          placeholder="+31612345678"
          value={value}
          onChange={(_, d) => onChange(d.value)}
        />
      ) : field.kind === 'choice' ? (
        <Select data-testid={testId} value={value} onChange={(_, d) => onChange(d.value)}>
          {field.choices?.map((c) => (
            <option key={c.value} value={c.value}>
              {t(c.label)}
            </option>
          ))}
        </Select>
      ) : (
        <Input
          data-testid={testId}
          value={value}
          placeholder={field.placeholder}
          onChange={(_, d) => onChange(d.value)}
        />
      )}
    </Field>
  );
}
