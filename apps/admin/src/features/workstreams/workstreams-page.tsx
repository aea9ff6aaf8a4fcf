import { Badge, Button, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { QueueConfig, Workstream } from '@switchboard/protocol';
import { useT } from '../../i18n';
import { Link, useNavigate } from 'react-router';
import { useApi } from '../../api/api';
import { useList } from '../../api/queries';
import { useConfirmDelete } from '../../components/confirm-delete';
import { Loading, PageHeader } from '../../components/page';

const useStyles = makeStyles({
  actions: { display: 'flex', gap: tokens.spacingHorizontalS },
  muted: { color: tokens.colorNeutralForeground3 },
});

export function WorkstreamsPage() {
  const styles = useStyles();
  const { t } = useT();
  const call = useApi();
  const navigate = useNavigate();
  const del = useConfirmDelete();
  const workstreams = useList('listWorkstreams');
  const queues = useList('listQueueConfigs');
  const queueName = (id: string) => queues.data?.find((q: QueueConfig) => q.id === id)?.name ?? '…';

  return (
    <section>
      <PageHeader
        title={t('workstreams.title')}
        description={t('workstreams.description')}
        actions={
          <Button appearance="primary" data-testid="workstream-new" onClick={() => navigate('/workstreams/new')}>
            {t('workstreams.new')}
          </Button>
        }
      />
      {!workstreams.data ? (
        <Loading error={workstreams.error} />
      ) : workstreams.data.length === 0 ? (
        <Text className={styles.muted}>{t('workstreams.empty')}</Text>
      ) : (
        <Table aria-label={t('workstreams.title')}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t('common.name')}</TableHeaderCell>
              <TableHeaderCell>{t('workstreams.channel')}</TableHeaderCell>
              <TableHeaderCell>{t('workstreams.distribution')}</TableHeaderCell>
              <TableHeaderCell>{t('workstreams.fallbackQueue')}</TableHeaderCell>
              <TableHeaderCell>{t('workstreams.rules')}</TableHeaderCell>
              <TableHeaderCell>{t('common.actions')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {workstreams.data.map((w: Workstream) => (
              <TableRow key={w.id} data-testid="workstream-row" data-name={w.name}>
                <TableCell>
                  <Link to={`/workstreams/${w.id}`} data-testid="workstream-open">
                    {w.name}
                  </Link>
                </TableCell>
                <TableCell>{t(`workstreams.channels.${w.channel}`)}</TableCell>
                <TableCell>
                  <Badge appearance="tint" color={w.distribution === 'push' ? 'brand' : 'informative'}>
                    {t(`workstreams.distributions.${w.distribution}`)}
                  </Badge>
                </TableCell>
                <TableCell>{queueName(w.fallbackQueueId)}</TableCell>
                <TableCell>
                  {t('workstreams.ruleCounts', {
                    rulesets: w.classification.length,
                    routes: w.routeToQueue.length,
                  })}
                </TableCell>
                <TableCell>
                  <div className={styles.actions}>
                    <Button size="small" data-testid="workstream-edit" onClick={() => navigate(`/workstreams/${w.id}`)}>
                      {t('common.edit')}
                    </Button>
                    <Button size="small" data-testid="workstream-rules" onClick={() => navigate(`/workstreams/${w.id}?tab=rules`)}>
                      {t('workstreams.editRules')}
                    </Button>
                    <Button
                      size="small"
                      data-testid="workstream-delete"
                      onClick={() => del.ask({ name: w.name, run: () => call('deleteWorkstream', { params: { id: w.id } }) })}
                    >
                      {t('common.delete')}
                    </Button>
                  </div>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {del.dialog}
    </section>
  );
}
