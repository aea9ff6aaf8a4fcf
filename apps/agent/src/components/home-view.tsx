import {
  Caption1,
  ProgressBar,
  Spinner,
  Subtitle2,
  Text,
  Title3,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { AgentHome } from '@switchboard/protocol';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api/api';
import { formatDuration } from '../lib/time';
import { useAuth } from '../state/auth-store';
import { homeKey } from '../state/workspace-services';

const useStyles = makeStyles({
  home: {
    flexGrow: 1,
    overflowY: 'auto',
    padding: tokens.spacingHorizontalXXL,
    display: 'flex',
    flexDirection: 'column',
  },
  section: {
    marginTop: tokens.spacingVerticalL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  tiles: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(170px, 1fr))',
    gap: tokens.spacingHorizontalM,
  },
  tile: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    padding: tokens.spacingHorizontalM,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
  figure: {
    fontSize: tokens.fontSizeHero700,
    lineHeight: tokens.lineHeightHero700,
    fontVariantNumeric: 'tabular-nums',
  },
  muted: { color: tokens.colorNeutralForeground3 },
});

/** Local midnight today: the day the counts are of is the agent's own, not UTC's. */
function startOfToday(): string {
  const now = new Date();
  return new Date(now.getFullYear(), now.getMonth(), now.getDate()).toISOString();
}

function Tile({ label, testId, children }: { label: string; testId: string; children: ReactNode }) {
  const styles = useStyles();
  return (
    <div className={styles.tile} data-testid={testId}>
      <Caption1 className={styles.muted}>{label}</Caption1>
      {children}
    </div>
  );
}

/**
 * The home view (AG10), shown when no session is active: my presence, the capacity and sessions
 * I hold, and my day so far. Refreshed with the lists and every half minute.
 */
export function HomeView() {
  const styles = useStyles();
  const { t } = useTranslation();
  const since = startOfToday();
  const presence = useAuth((s) => s.user?.presence);
  const queryClient = useQueryClient();
  const home = useQuery({
    queryKey: [...homeKey, since],
    queryFn: () => call('myHome', { query: { since } }),
    refetchInterval: 30_000,
  });
  // A presence changed here or pushed from elsewhere: its name (a custom one) comes from the server.
  const shownPresence = useRef(presence);
  useEffect(() => {
    if (shownPresence.current === presence) return;
    shownPresence.current = presence;
    void queryClient.invalidateQueries({ queryKey: homeKey });
  }, [presence, queryClient]);

  return (
    <div className={styles.home} data-testid="home-view">
      <Title3 as="h2">{t('home.title')}</Title3>
      <Caption1 className={styles.muted}>{t('home.hint')}</Caption1>
      {home.isPending && <Spinner size="small" />}
      {home.isError && <Text className={styles.muted}>{t('home.loadFailed')}</Text>}
      {home.data && <HomeFigures home={home.data} />}
    </div>
  );
}

function HomeFigures({ home }: { home: AgentHome }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const { capacity, sessions, today } = home;
  const count = (n: number) => <span className={styles.figure}>{n}</span>;
  return (
    <>
      <section className={styles.section}>
        <div className={styles.tiles}>
          <Tile label={t('home.presence')} testId="home-presence">
            <Text size={500} weight="semibold" data-presence={home.presence}>
              {home.presenceName ?? t(`presence.${home.presence}`)}
            </Text>
          </Tile>
          <Tile label={t('home.capacity')} testId="home-capacity">
            <Text size={500} weight="semibold">
              {t('home.units', { used: capacity.used, total: capacity.total })}
            </Text>
            <ProgressBar value={capacity.total > 0 ? Math.min(1, capacity.used / capacity.total) : 0} />
          </Tile>
          <Tile label={t('home.sessions')} testId="home-sessions">
            <Text size={500} weight="semibold">
              {sessions.limit === null
                ? t('home.noLimit', { held: sessions.held })
                : t('home.sessionsOf', { held: sessions.held, limit: sessions.limit })}
            </Text>
          </Tile>
          <Tile label={t('home.ongoing')} testId="home-ongoing">
            {count(home.ongoing)}
          </Tile>
          {home.profiles.map((p) => (
            <Tile key={p.id} label={p.name} testId="home-profile">
              <Text size={500} weight="semibold">
                {t('home.units', { used: p.used, total: p.limit })}
              </Text>
              <ProgressBar value={p.limit > 0 ? Math.min(1, p.used / p.limit) : 0} />
            </Tile>
          ))}
        </div>
      </section>
      <section className={styles.section}>
        <Subtitle2 as="h3">{t('home.today')}</Subtitle2>
        <div className={styles.tiles}>
          {(['offered', 'accepted', 'missed', 'closed'] as const).map((key) => (
            <Tile key={key} label={t(`home.${key}`)} testId={`home-${key}`}>
              {count(today[key])}
            </Tile>
          ))}
          <Tile label={t('home.handle')} testId="home-handle">
            <span className={styles.figure}>
              {today.averageHandleSeconds === null ? t('home.none') : formatDuration(today.averageHandleSeconds * 1000)}
            </span>
          </Tile>
        </div>
      </section>
    </>
  );
}
