import { Badge, makeStyles, tokens } from '@fluentui/react-components';
import type { ChannelView } from '@switchboard/protocol';
import { useT } from '../../i18n';
import { secretFields } from './provider-fields';

const useStyles = makeStyles({
  list: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
});

/** Whether each of a channel's secrets is stored: the API never gives their values, only this. */
export function SecretStates({ channel }: { channel: ChannelView }) {
  const styles = useStyles();
  const { t } = useT();
  return (
    <div className={styles.list}>
      {secretFields(channel.provider).map((f) => {
        const set = channel.secrets[f.key] === true;
        return (
          <Badge
            key={f.key}
            appearance="tint"
            color={set ? 'success' : 'warning'}
            data-testid="channel-secret"
            data-field={f.key}
            data-set={String(set)}
          >
            {t('channels.secretState', {
              field: t(f.label),
              state: set ? t('channels.secretSet') : t('channels.secretUnset'),
            })}
          </Badge>
        );
      })}
    </div>
  );
}
