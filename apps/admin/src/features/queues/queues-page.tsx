import { Link, useNavigate } from 'react-router';
import { useApi } from '../../api/api';
import { useList } from '../../api/queries';
import { EntityList } from '../../components/entity-list';
import { useT } from '../../i18n';

export function QueuesPage() {
  const { t } = useT();
  const call = useApi();
  const navigate = useNavigate();
  const queues = useList('listQueueConfigs');
  const hours = useList('listOperatingHours');
  const hoursName = (id: string | null) => (id ? (hours.data?.find((h) => h.id === id)?.name ?? '…') : t('queues.alwaysOpen'));

  return (
    <EntityList
      testId="queue"
      title={t('queues.title')}
      description={t('queues.description')}
      add={{ label: t('queues.new'), onClick: () => navigate('/queues/new') }}
      emptyText={t('queues.empty')}
      items={queues.data && [...queues.data].sort((a, b) => a.priority - b.priority || a.name.localeCompare(b.name))}
      error={queues.error}
      columns={[
        { header: t('common.name'), cell: (q) => <Link to={`/queues/${q.id}`}>{q.name}</Link> },
        { header: t('queues.priority'), cell: (q) => q.priority },
        { header: t('queues.assignment'), cell: (q) => t(`queues.methods.${q.assignment.kind}`) },
        { header: t('queues.operatingHours'), cell: (q) => hoursName(q.operatingHoursId) },
        { header: t('queues.members'), cell: (q) => q.memberIds.length, testId: 'queue-member-count' },
      ]}
      onEdit={(q) => navigate(`/queues/${q.id}`)}
      remove={(q) => call('deleteQueue', { params: { id: q.id } })}
    />
  );
}
