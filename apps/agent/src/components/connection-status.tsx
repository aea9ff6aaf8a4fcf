import { Badge } from '@fluentui/react-components';
import { connectionLabel } from '@switchboard/live';
import { useTranslation } from 'react-i18next';
import { useConnection } from '../state/connection-store';

export function ConnectionStatus() {
  const { t } = useTranslation();
  const status = useConnection((s) => s.status);
  const everConnected = useConnection((s) => s.everConnected);
  const label = t(`connection.${connectionLabel({ status, everConnected })}`);
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
