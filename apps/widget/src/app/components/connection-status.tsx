import type { ConnectionStatus as Status } from '@switchboard/live';
import { useT } from '../i18n.js';

/**
 * Always rendered while chatting (tests read `data-status`); the "Reconnecting…" text fades in
 * only after a moment, so a quick reconnect does not flash.
 */
export function ConnectionStatus({ connection }: { connection: Status }) {
  const { t } = useT();
  return (
    <p
      className={`connection connection-${connection}`}
      data-testid="connection-status"
      data-status={connection}
      role="status"
    >
      <span className="connection-dot" aria-hidden="true" />
      <span className={connection === 'online' ? 'sr-only' : 'connection-text'}>{t(`connection.${connection}`)}</span>
    </p>
  );
}
