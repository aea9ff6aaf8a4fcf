import { useT } from '../../i18n';
import { useList } from '../../api/queries';
import { Loading, PageHeader } from '../../components/page';
import { Stack } from '../../components/section';
import { NotificationTemplateCard } from './notification-template-card';

/** Notification templates (AG2): what agents are shown for each scenario, one form per scenario. */
export function NotificationTemplatesPage() {
  const { t } = useT();
  const templates = useList('listNotificationTemplates');
  return (
    <section>
      <PageHeader title={t('notifications.title')} description={t('notifications.description')} />
      {!templates.data ? (
        <Loading error={templates.error} />
      ) : (
        <Stack>
          {templates.data.map((x) => (
            // Keyed by what was saved: a save elsewhere (or a refetch) starts the form afresh.
            <NotificationTemplateCard key={`${x.scenario}/${x.updatedAt}`} template={x} />
          ))}
        </Stack>
      )}
    </section>
  );
}
