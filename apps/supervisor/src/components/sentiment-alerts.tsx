import { Toast, ToastBody, ToastTitle, Toaster, useToastController } from '@fluentui/react-components';
import { useEffect } from 'react';
import { useT } from '../i18n';
import { useLive } from '../state/live-context';

const TOASTER_ID = 'sentiment-alerts';

/** Each sentiment alert (SV8) as a warning toast: who, which agent, and how the customer feels now. */
export function SentimentAlerts() {
  const { t } = useT();
  const live = useLive();
  const { dispatchToast } = useToastController(TOASTER_ID);
  useEffect(
    () =>
      live?.onAlert((alert) =>
        dispatchToast(
          <Toast data-testid="sentiment-alert" data-conversation-id={alert.conversationId}>
            <ToastTitle>{t('alert.title', { name: alert.customerName })}</ToastTitle>
            <ToastBody>
              {t('alert.body', { level: t(`sentiment.${alert.level}`), agent: alert.agentName ?? t('ongoing.nobody') })}
            </ToastBody>
          </Toast>,
          { intent: 'warning', timeout: 15_000 },
        ),
      ),
    [live, dispatchToast, t],
  );
  return <Toaster toasterId={TOASTER_ID} position="top-end" />;
}
