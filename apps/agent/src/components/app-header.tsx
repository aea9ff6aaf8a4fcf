import { Button, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { Presence } from '@switchboard/protocol';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call } from '../api/api';
import { useAuth } from '../state/auth-store';
import { ConnectionStatus } from './connection-status';
import { LanguageSelect } from './language-select';
import { useNotify } from './notify';

const PRESENCES: Presence[] = ['available', 'busy', 'busy-dnd', 'away', 'offline'];

const useStyles = makeStyles({
  header: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
  },
  brand: { display: 'flex', flexDirection: 'column', marginRight: 'auto' },
  user: { color: tokens.colorNeutralForegroundOnBrand },
});

export function AppHeader() {
  const styles = useStyles();
  const { t } = useTranslation();
  const user = useAuth((s) => s.user);
  const queryClient = useQueryClient();
  const notify = useNotify();
  if (!user) return null;

  async function changePresence(presence: Presence) {
    const before = useAuth.getState().user;
    if (!before) return;
    useAuth.getState().setUser({ ...before, presence });
    try {
      useAuth.getState().setUser(await call('setPresence', { body: { presence } }));
    } catch (err) {
      useAuth.getState().setUser(before);
      notify(t('conversation.failed', { message: err instanceof Error ? err.message : String(err) }));
    }
  }

  async function signOut() {
    // Going offline first stops offers to someone who has left; never let it block signing out.
    await Promise.race([call('setPresence', { body: { presence: 'offline' } }).catch(() => undefined), new Promise((r) => setTimeout(r, 1500))]);
    useAuth.getState().signOut();
    queryClient.clear();
  }

  return (
    <header className={styles.header}>
      <div className={styles.brand}>
        <Text weight="semibold" size={400}>
          {user.orgName}
        </Text>
        <Text size={200}>{t('app.workspace')}</Text>
      </div>
      <ConnectionStatus />
      <Text className={styles.user} weight="semibold">
        {user.name}
      </Text>
      <Select
        data-testid="presence-select"
        aria-label={t('header.presence')}
        value={user.presence}
        onChange={(_, d) => void changePresence(d.value as Presence)}
      >
        {PRESENCES.map((p) => (
          <option key={p} value={p}>
            {t(`presence.${p}`)}
          </option>
        ))}
      </Select>
      <LanguageSelect />
      <Button data-testid="sign-out" onClick={() => void signOut()}>
        {t('header.signOut')}
      </Button>
    </header>
  );
}
