import { Button, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call } from '../api/api';
import { BASE_PRESENCES, presenceSelectValue, resolveChoice } from '../lib/presence-choice';
import { useAuth } from '../state/auth-store';
import { usePresenceChoice } from '../state/presence-choice-store';
import { ConnectionStatus } from './connection-status';
import { LanguageSelect } from '@switchboard/web';
import { NotificationMuteToggle } from './notification-mute-toggle';
import { useNotify } from './notify';
import { OutboundButton } from './outbound-button';

const presenceOptionsKey = ['presence-options'] as const;

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
  const chosen = usePresenceChoice((s) => s.chosen);
  // The organisation's custom presences (AG1); without them the five base ones still work.
  const options = useQuery({
    queryKey: presenceOptionsKey,
    queryFn: async () => (await call('presenceOptions')).presences,
    staleTime: 60_000,
    enabled: !!user,
  });
  const customs = options.data ?? [];
  if (!user) return null;

  /** Sends a base presence or a custom presence's id; the server answers with the base, which routing uses. */
  async function changePresence(value: string) {
    const before = useAuth.getState().user;
    const choice = resolveChoice(value, customs);
    if (!before || !choice) return;
    const previous = usePresenceChoice.getState().chosen;
    // The choice first: the optimistic base below must not look like a change that ends it.
    usePresenceChoice.getState().choose(choice.custom);
    useAuth.getState().setUser({ ...before, presence: choice.presence });
    try {
      useAuth.getState().setUser(await call('setPresence', { body: { presence: value } }));
    } catch (err) {
      useAuth.getState().setUser(before);
      usePresenceChoice.getState().choose(previous);
      notify(t('conversation.failed', { message: err instanceof Error ? err.message : String(err) }));
    }
  }

  async function signOut() {
    // Going offline first stops offers to someone who has left; never let it block signing out.
    await Promise.race([
      call('setPresence', { body: { presence: 'offline' } }).catch(() => undefined),
      new Promise((r) => setTimeout(r, 1500)),
    ]);
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
      <OutboundButton />
      <ConnectionStatus />
      <NotificationMuteToggle />
      <Text className={styles.user} weight="semibold">
        {user.name}
      </Text>
      <Select
        data-testid="presence-select"
        data-presence={user.presence}
        aria-label={t('header.presence')}
        value={presenceSelectValue(user.presence, chosen, customs)}
        onChange={(_, d) => void changePresence(d.value)}
      >
        {BASE_PRESENCES.map((p) => (
          <option key={p} value={p}>
            {t(`presence.${p}`)}
          </option>
        ))}
        {customs.length > 0 && (
          <optgroup label={t('header.customPresences')}>
            {customs.map((c) => (
              <option key={c.id} value={c.id} data-base={c.base}>
                {t('header.customPresence', { name: c.name, base: t(`presence.${c.base}`) })}
              </option>
            ))}
          </optgroup>
        )}
      </Select>
      <LanguageSelect />
      <Button data-testid="sign-out" onClick={() => void signOut()}>
        {t('header.signOut')}
      </Button>
    </header>
  );
}
