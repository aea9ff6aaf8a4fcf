import { Toaster, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useQueryClient } from '@tanstack/react-query';
import { useT } from '../i18n';
import { NavLink, Outlet } from 'react-router';
import { useAuth } from '../state/auth-store';
import { StaffHeader } from '@switchboard/web';
import { TOASTER_ID } from './notify';

export const PAGES = [
  'workstreams',
  'widgets',
  'channels',
  'templates',
  'automated-messages',
  'quick-replies',
  'disposition-codes',
  'notification-templates',
  'knowledge',
  'macros',
  'scripts',
  'queues',
  'operating-hours',
  'skills',
  'capacity-profiles',
  'presences',
  'users',
  'settings',
  'import-export',
  'records-import',
  'trace',
] as const;
export type Page = (typeof PAGES)[number];

const useStyles = makeStyles({
  shell: { flexGrow: 1, display: 'flex', flexDirection: 'column', minHeight: 0 },
  body: { flexGrow: 1, display: 'flex', minHeight: 0 },
  nav: {
    width: '220px',
    flexShrink: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    padding: tokens.spacingVerticalM,
    backgroundColor: tokens.colorNeutralBackground2,
    borderRight: `1px solid ${tokens.colorNeutralStroke2}`,
    overflowY: 'auto',
  },
  link: {
    display: 'block',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    color: tokens.colorNeutralForeground1,
    textDecoration: 'none',
    ':hover': { backgroundColor: tokens.colorNeutralBackground2Hover },
  },
  active: {
    backgroundColor: tokens.colorNeutralBackground1Selected,
    fontWeight: tokens.fontWeightSemibold,
    boxShadow: `inset 3px 0 0 ${tokens.colorBrandStroke1}`,
  },
  main: { flexGrow: 1, overflow: 'auto', padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalXXL}` },
});

export function Layout() {
  const styles = useStyles();
  const { t } = useT();
  const user = useAuth((s) => s.user);
  const queryClient = useQueryClient();
  return (
    <div className={styles.shell}>
      <StaffHeader
        orgName={user?.orgName}
        appName={t('app.adminCenter')}
        userName={user?.name}
        signOutLabel={t('header.signOut')}
        onSignOut={() => {
          useAuth.getState().signOut();
          queryClient.clear();
        }}
      />
      <div className={styles.body}>
        <nav className={styles.nav} aria-label={t('nav.label')}>
          {PAGES.map((page) => (
            <NavLink
              key={page}
              to={`/${page}`}
              data-testid={`nav-${page}`}
              className={({ isActive }) => mergeClasses(styles.link, isActive && styles.active)}
            >
              {t(`nav.${page}`)}
            </NavLink>
          ))}
        </nav>
        <main className={styles.main}>
          <Outlet />
        </main>
      </div>
      <Toaster toasterId={TOASTER_ID} position="bottom-end" />
    </div>
  );
}
