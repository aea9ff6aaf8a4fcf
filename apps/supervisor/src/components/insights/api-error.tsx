import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import { useT } from '../../i18n';

/** A failed call, in the server's words (a 400 names each problem): never swallowed. */
export function ApiError({ error, testId }: { error: unknown; testId: string }) {
  const { t } = useT();
  const message = error instanceof Error ? error.message : String(error);
  return (
    <MessageBar intent="error" data-testid={testId}>
      <MessageBarBody>{t('insights.failed', { message })}</MessageBarBody>
    </MessageBar>
  );
}
