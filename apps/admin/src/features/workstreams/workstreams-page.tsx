import { Badge, Button } from '@fluentui/react-components';
import { Link, useNavigate } from 'react-router';
import { useApi } from '../../api/api';
import { useList } from '../../api/queries';
import { EntityList } from '../../components/entity-list';
import { useT } from '../../i18n';

export function WorkstreamsPage() {
  const { t } = useT();
  const call = useApi();
  const navigate = useNavigate();
  const workstreams = useList('listWorkstreams');
  const queues = useList('listQueueConfigs');
  const queueName = (id: string) => queues.data?.find((q) => q.id === id)?.name ?? '…';

  return (
    <EntityList
      testId="workstream"
      title={t('workstreams.title')}
      description={t('workstreams.description')}
      add={{ label: t('workstreams.new'), onClick: () => navigate('/workstreams/new') }}
      emptyText={t('workstreams.empty')}
      items={workstreams.data}
      error={workstreams.error}
      columns={[
        {
          header: t('common.name'),
          cell: (w) => (
            <Link to={`/workstreams/${w.id}`} data-testid="workstream-open">
              {w.name}
            </Link>
          ),
        },
        { header: t('workstreams.channel'), cell: (w) => t(`workstreams.channels.${w.channel}`) },
        {
          header: t('workstreams.distribution'),
          cell: (w) => (
            <Badge appearance="tint" color={w.distribution === 'push' ? 'brand' : 'informative'}>
              {t(`workstreams.distributions.${w.distribution}`)}
            </Badge>
          ),
        },
        { header: t('workstreams.fallbackQueue'), cell: (w) => queueName(w.fallbackQueueId) },
        {
          header: t('workstreams.rules'),
          cell: (w) => t('workstreams.ruleCounts', { rulesets: w.classification.length, routes: w.routeToQueue.length }),
        },
      ]}
      onEdit={(w) => navigate(`/workstreams/${w.id}`)}
      extraActions={(w) => (
        <Button size="small" data-testid="workstream-rules" onClick={() => navigate(`/workstreams/${w.id}?tab=rules`)}>
          {t('workstreams.editRules')}
        </Button>
      )}
      remove={(w) => call('deleteWorkstream', { params: { id: w.id } })}
    />
  );
}
