import { Badge } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useConnection } from '../state/connection-store';

export function ConnectionStatus() {
  const { t } = useTranslation();
  const status = useConnection((s) => s.status);
  const everConnected = useConnection((s) => s.everConnected);
  const label =
    status === 'online'
      ? t('connection.online')
      : everConnected
        ? t('connection.reconnecting')
        : t('connection.connecting');
  return (
    <Badge
      data-testid="connection-status"
      data-status={status}
      role="status"
      color={status === 'online' ? 'success' : 'warning'}
      size="large"
    >
      {label}
    </Badge>
  );
}
