import { Body1, Button, Card, Title2, makeStyles, tokens } from '@fluentui/react-components';
import { useQueryClient } from '@tanstack/react-query';
import { useT } from '../i18n';
import { useAuth } from '../state/auth-store';
import { LanguageSelect } from '@switchboard/web';

const useStyles = makeStyles({
  page: { flexGrow: 1, display: 'flex', alignItems: 'center', justifyContent: 'center', backgroundColor: tokens.colorNeutralBackground2 },
  card: { width: '440px', padding: tokens.spacingHorizontalXXL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  top: { display: 'flex', justifyContent: 'space-between', alignItems: 'flex-start' },
});

/** Agents and supervisors may sign in, but the admin center is not theirs (the API says 403 as well). */
export function AdminsOnlyPage() {
  const styles = useStyles();
  const { t } = useT();
  const user = useAuth((s) => s.user);
  const queryClient = useQueryClient();
  return (
    <main className={styles.page}>
      <Card className={styles.card} data-testid="admins-only">
        <div className={styles.top}>
          <Title2 as="h1">{t('adminsOnly.title')}</Title2>
          <LanguageSelect />
        </div>
        <Body1>{t('adminsOnly.body', { name: user?.name ?? '', role: user ? t(`roles.${user.role}`) : '' })}</Body1>
        <Body1>{user?.role === 'agent' ? t('adminsOnly.agentHint') : t('adminsOnly.supervisorHint')}</Body1>
        <Button
          data-testid="sign-out"
          appearance="primary"
          onClick={() => {
            useAuth.getState().signOut();
            queryClient.clear();
          }}
        >
          {t('header.signOut')}
        </Button>
      </Card>
    </main>
  );
}
