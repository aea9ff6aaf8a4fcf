import { Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { DeliveryMark } from '../lib/delivery-marks';

const useStyles = makeStyles({
  line: { color: tokens.colorNeutralForeground3 },
  bad: { color: tokens.colorPaletteRedForeground1 },
});

const BAD = new Set<DeliveryMark['status']>(['failed', 'dead']);

/** Under a reply on SMS and other channels: what the provider said about it (CV3, CH2). */
export function DeliveryLine({ mark }: { mark: DeliveryMark }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const bad = BAD.has(mark.status);
  const words = t(`delivery.${mark.status}`, { attempts: mark.attempts });
  return (
    <Caption1
      className={bad ? styles.bad : styles.line}
      data-testid="delivery"
      data-status={mark.status}
      role={bad ? 'alert' : undefined}
    >
      {mark.reason && (bad || mark.status === 'pending') ? `${words}: ${mark.reason}` : words}
    </Caption1>
  );
}
