import { Button, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, tokens } from '@fluentui/react-components';
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

export function QueuesPage() {
  const styles = useStyles();
  const { t } = useT();
  const call = useApi();
  const navigate = useNavigate();
  const del = useConfirmDelete();
  const queues = useList('listQueueConfigs');
  const hours = useList('listOperatingHours');
  const hoursName = (id: string | null) => (id ? (hours.data?.find((h) => h.id === id)?.name ?? '…') : t('queues.alwaysOpen'));

  return (
    <section>
      <PageHeader
        title={t('queues.title')}
        description={t('queues.description')}
        actions={
          <Button appearance="primary" data-testid="queue-new" onClick={() => navigate('/queues/new')}>
            {t('queues.new')}
          </Button>
        }
      />
      {!queues.data ? (
        <Loading error={queues.error} />
      ) : queues.data.length === 0 ? (
        <Text className={styles.muted}>{t('queues.empty')}</Text>
      ) : (
        <Table aria-label={t('queues.title')}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t('common.name')}</TableHeaderCell>
              <TableHeaderCell>{t('queues.priority')}</TableHeaderCell>
              <TableHeaderCell>{t('queues.assignment')}</TableHeaderCell>
              <TableHeaderCell>{t('queues.operatingHours')}</TableHeaderCell>
              <TableHeaderCell>{t('queues.members')}</TableHeaderCell>
              <TableHeaderCell>{t('common.actions')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {[...queues.data]
              .sort((a, b) => a.priority - b.priority || a.name.localeCompare(b.name))
              .map((q) => (
                <TableRow key={q.id} data-testid="queue-row" data-name={q.name}>
                  <TableCell>
                    <Link to={`/queues/${q.id}`}>{q.name}</Link>
                  </TableCell>
                  <TableCell>{q.priority}</TableCell>
                  <TableCell>{t(`queues.methods.${q.assignment.kind}`)}</TableCell>
                  <TableCell>{hoursName(q.operatingHoursId)}</TableCell>
                  <TableCell data-testid="queue-member-count">{q.memberIds.length}</TableCell>
                  <TableCell>
                    <div className={styles.actions}>
                      <Button size="small" data-testid="queue-edit" onClick={() => navigate(`/queues/${q.id}`)}>
                        {t('common.edit')}
                      </Button>
                      <Button
                        size="small"
                        data-testid="queue-delete"
                        onClick={() => del.ask({ name: q.name, run: () => call('deleteQueue', { params: { id: q.id } }) })}
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
