import { ToggleButton, Tooltip } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { askPermissionOnGesture } from '../lib/browser-notification';
import { playChime } from '../lib/notification-sound';
import { useNotificationSound } from '../state/notifications-store';

/**
 * Sound on or off for notifications (AG2), remembered in this browser. The click is also the user
 * gesture browsers want before they allow sound and ask for the notification permission.
 */
export function NotificationMuteToggle() {
  const { t } = useTranslation();
  const muted = useNotificationSound((s) => s.muted);
  const label = muted ? t('notification.unmute') : t('notification.mute');
  return (
    <Tooltip content={label} relationship="label">
      <ToggleButton
        data-testid="notification-mute"
        checked={muted}
        onClick={() => {
          askPermissionOnGesture();
          useNotificationSound.getState().setMuted(!muted);
          if (muted) playChime();
        }}
      >
        {muted ? t('notification.soundOff') : t('notification.soundOn')}
      </ToggleButton>
    </Tooltip>
  );
}
