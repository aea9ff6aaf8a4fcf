import { Input, MessageBar, MessageBarBody, MessageBarTitle, Text, makeStyles, tokens, type InputProps } from '@fluentui/react-components';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useT } from '../i18n';
import { ApiCallError } from '../api/api';
import { issuesToErrors, serverIssuesToErrors, type FieldErrors, type Schema } from '../lib/issues';
import { useNotify } from './notify';

/** Props for a Fluent `Field`: the message for `path`, shown next to the control. */
export function fieldError(errors: FieldErrors, path: string) {
  const message = errors[path];
  return { validationMessage: message, validationState: message ? ('error' as const) : ('none' as const) };
}

const useStyles = makeStyles({ error: { color: tokens.colorPaletteRedForeground1 } });

/** An error for something that is not a single `Field` (a list, a group, a whole rule). */
export function ErrorText({ message }: { message: string | undefined }) {
  const styles = useStyles();
  if (!message) return null;
  return (
    <Text size={200} className={styles.error} role="alert" data-testid="field-error">
      {message}
    </Text>
  );
}

type NumberInputProps = Omit<InputProps, 'value' | 'onChange' | 'type'> & {
  value: number | null | undefined;
  onChange(value: number | undefined): void;
};

/** A number field whose empty or unfinished text is `undefined` (the schema says whether that is allowed). */
export function NumberInput({ value, onChange, ...rest }: NumberInputProps) {
  const text = value === null || value === undefined || Number.isNaN(value) ? '' : String(value);
  return <Input {...rest} type="number" value={text} onChange={(_, d) => onChange(d.value.trim() === '' ? undefined : Number(d.value))} />;
}

/**
 * A form over a protocol schema: the draft, its errors (the schema's, checked as the user types
 * once they tried to save, and the server's), and `save`, which validates, sends, reports the
 * outcome and refreshes every list.
 */
export function useForm<T, D = T>(schema: Schema<T>, initial: D | (() => D)) {
  const { t } = useT();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const [draft, setDraftState] = useState<D>(initial);
  const [tried, setTried] = useState(false);
  const [saving, setSaving] = useState(false);
  const [serverError, setServerError] = useState<string | null>(null);
  const [serverFields, setServerFields] = useState<FieldErrors>({});

  const clientErrors = useMemo(() => {
    if (!tried) return {};
    const result = schema.safeParse(draft);
    return result.success ? {} : issuesToErrors(result.error.issues, t);
  }, [tried, schema, draft, t]);
  const errors = useMemo(() => ({ ...serverFields, ...clientErrors }), [serverFields, clientErrors]);

  function setDraft(next: D | ((d: D) => D)) {
    setDraftState(next);
    setServerFields({});
  }

  /** Validates and sends; resolves to what the server answered, or null when nothing was saved. */
  async function save<R>(send: (data: T) => Promise<R>, success: string): Promise<R | null> {
    setTried(true);
    setServerError(null);
    const result = schema.safeParse(draft);
    if (!result.success) {
      notify.error(t('form.invalid', { count: result.error.issues.length }));
      return null;
    }
    setSaving(true);
    try {
      const saved = await send(result.data);
      notify.success(success);
      setTried(false);
      await queryClient.invalidateQueries();
      return saved;
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      setServerError(message);
      if (err instanceof ApiCallError) setServerFields(serverIssuesToErrors(err.body));
      notify.error(t('form.saveFailed'), message);
      return null;
    } finally {
      setSaving(false);
    }
  }

  function reset(next: D) {
    setDraftState(next);
    setTried(false);
    setServerError(null);
    setServerFields({});
  }

  return { draft, setDraft, errors, saving, serverError, save, reset };
}

/** The server's answer to a failed save, above the form's buttons. */
export function ServerError({ message }: { message: string | null }) {
  const { t } = useT();
  if (!message) return null;
  return (
    <MessageBar intent="error" data-testid="save-error">
      <MessageBarBody>
        <MessageBarTitle>{t('form.saveFailed')}</MessageBarTitle>
        {message}
      </MessageBarBody>
    </MessageBar>
  );
}

/** How many problems the form has, when it has any. */
export function ErrorSummary({ errors }: { errors: FieldErrors }) {
  const { t } = useT();
  const count = Object.keys(errors).length;
  if (count === 0) return null;
  return (
    <MessageBar intent="warning" data-testid="form-errors">
      <MessageBarBody>{t('form.invalid', { count })}</MessageBarBody>
    </MessageBar>
  );
}
