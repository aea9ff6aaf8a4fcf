import {
  Badge,
  Button,
  Card,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Spinner,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type {
  CapacityProfile,
  ClassificationOutputs,
  OverflowAction,
  QueueConfig,
  Skill,
  TraceStep,
} from '@switchboard/protocol';
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useT, type AdminT } from '../../i18n';
import { useNavigate, useParams } from 'react-router';
import { ApiCallError, useApi } from '../../api/api';
import { useList } from '../../api/queries';
import { PageHeader } from '../../components/page';
import { Stack } from '../../components/section';
import { RightNow } from './right-now';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/** The conversation id in whatever was pasted: the id itself, a URL or a log line holding it. */
export const findConversationId = (text: string): string | null => text.match(UUID)?.[0].toLowerCase() ?? null;

const useStyles = makeStyles({
  form: { display: 'flex', alignItems: 'flex-end', gap: tokens.spacingHorizontalM, maxWidth: '760px' },
  grow: { flexGrow: 1 },
  entry: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalL },
  step: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    paddingLeft: tokens.spacingHorizontalM,
    borderLeft: `3px solid ${tokens.colorNeutralStroke1}`,
  },
  head: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  muted: { color: tokens.colorNeutralForeground3 },
  chosen: { backgroundColor: tokens.colorPaletteGreenBackground1 },
  recent: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

export function TracePage() {
  const styles = useStyles();
  const { t, i18n } = useT();
  const call = useApi();
  const navigate = useNavigate();
  const { id } = useParams();
  const [text, setText] = useState(id ?? '');
  const [invalid, setInvalid] = useState(false);
  const queues = useList('listQueueConfigs');
  const skills = useList('listSkills');
  const profiles = useList('listCapacityProfiles');
  const recent = useQuery({
    queryKey: ['listConversations', 'all'],
    queryFn: () => call('listConversations', { query: { scope: 'all' } }),
  });
  const trace = useQuery({
    queryKey: ['getRoutingTrace', id],
    queryFn: () => call('getRoutingTrace', { params: { id: id! } }),
    enabled: !!id,
    retry: false,
  });

  function submit(e: FormEvent) {
    e.preventDefault();
    const found = findConversationId(text);
    setInvalid(!found);
    if (found) {
      setText(found);
      navigate(`/trace/${found}`);
    }
  }

  return (
    <section>
      <PageHeader title={t('trace.title')} description={t('trace.description')} />
      <Stack>
        <form className={styles.form} onSubmit={submit} noValidate>
          <Field
            className={styles.grow}
            label={t('trace.conversationId')}
            validationMessage={invalid ? t('trace.notAnId') : undefined}
            validationState={invalid ? 'error' : 'none'}
          >
            <Input
              data-testid="trace-id"
              placeholder="00000000-0000-4000-8000-000000000000"
              value={text}
              onChange={(_, d) => setText(d.value)}
            />
          </Field>
          <Button appearance="primary" type="submit" data-testid="trace-submit">
            {t('trace.show')}
          </Button>
        </form>
        {!id && recent.data && recent.data.conversations.length > 0 && (
          <div>
            <Text className={styles.muted}>{t('trace.recent')}</Text>
            <div className={styles.recent}>
              {recent.data.conversations.slice(0, 12).map((c) => (
                <Button key={c.id} size="small" data-testid="trace-recent" onClick={() => navigate(`/trace/${c.id}`)}>
                  {c.customerName} · {t(`state.${c.state}`)}
                </Button>
              ))}
            </div>
          </div>
        )}
        {id && trace.isLoading && <Spinner label={t('common.loading')} />}
        {id && trace.error && (
          <MessageBar intent="error" data-testid="trace-error">
            <MessageBarBody>
              {trace.error instanceof ApiCallError && trace.error.status === 404
                ? t('trace.notFound')
                : trace.error.message}
            </MessageBarBody>
          </MessageBar>
        )}
        {trace.data && trace.data.entries.length === 0 && <Text data-testid="trace-empty">{t('trace.empty')}</Text>}
        {trace.data?.entries.map((entry, i) => (
          <Card key={i} className={styles.entry} data-testid="trace-entry">
            <Subtitle2>
              {t('trace.entry', { n: i + 1, at: new Date(entry.at).toLocaleString(i18n.language) })}
            </Subtitle2>
            {entry.steps.map((step, j) => (
              <StepView
                key={j}
                step={step}
                queues={queues.data ?? []}
                skills={skills.data ?? []}
                profiles={profiles.data ?? []}
              />
            ))}
          </Card>
        ))}
        {trace.data?.state === 'open' && (
          <MessageBar intent="info" data-testid="trace-waiting">
            <MessageBarBody>{t('trace.waiting')}</MessageBarBody>
          </MessageBar>
        )}
        {trace.data?.now && (
          <RightNow
            now={trace.data.now}
            queues={queues.data ?? []}
            skills={skills.data ?? []}
            profiles={profiles.data ?? []}
          />
        )}
      </Stack>
    </section>
  );
}

function StepView({
  step,
  queues,
  skills,
  profiles,
}: {
  step: TraceStep;
  queues: QueueConfig[];
  skills: Skill[];
  profiles: CapacityProfile[];
}) {
  const styles = useStyles();
  const { t } = useT();
  const queueName = (id: string) => queues.find((q) => q.id === id)?.name ?? id;

  const head = (
    <div className={styles.head}>
      <Badge appearance="tint">{t(`trace.steps.${step.step}`)}</Badge>
    </div>
  );

  switch (step.step) {
    case 'classification':
      return (
        <div className={styles.step} data-testid="trace-step" data-step="classification">
          {head}
          <Text>
            {step.matchedRule
              ? t('trace.rulesetMatched', { ruleset: step.ruleset, rule: step.matchedRule })
              : t('trace.rulesetNoMatch', { ruleset: step.ruleset })}
          </Text>
          {Object.keys(step.outputs).length > 0 && (
            <Text className={styles.muted} data-testid="trace-outputs">
              {t('trace.outputs', { outputs: outputsText(step.outputs, skills, profiles, t) })}
            </Text>
          )}
        </div>
      );
    case 'queue':
      return (
        <div className={styles.step} data-testid="trace-step" data-step="queue">
          {head}
          <Text weight="semibold" data-testid="trace-queue">
            {step.queueName}
          </Text>
          <Text>{step.matchedRule ? t('trace.queueByRule', { rule: step.matchedRule }) : t('trace.queueNoRule')}</Text>
          <Text className={styles.muted}>{step.reason}</Text>
          {step.skipped.length > 0 && (
            <ul>
              {step.skipped.map((s) => (
                <li key={s.queueId} data-testid="trace-skipped">
                  {t('trace.skipped', { queue: s.queueName, reason: s.reason })}
                </li>
              ))}
            </ul>
          )}
        </div>
      );
    case 'overflow':
      return (
        <div className={styles.step} data-testid="trace-step" data-step="overflow">
          {head}
          <Text>
            {t('trace.overflow', {
              queue: queueName(step.queueId),
              condition: step.condition,
              action: actionText(step.action, t, queueName),
            })}
          </Text>
        </div>
      );
    case 'assignment':
      return (
        <div className={styles.step} data-testid="trace-step" data-step="assignment">
          {head}
          <Text>
            {t('trace.assignment', { queue: queueName(step.queueId), strategy: step.strategy })} ·{' '}
            <b>{t(`trace.outcomes.${step.outcome}`)}</b>
          </Text>
          {step.considered.length === 0 ? (
            <Text className={styles.muted}>{t('trace.noneConsidered')}</Text>
          ) : (
            <Table size="small" aria-label={t('trace.considered')}>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>{t('trace.agent')}</TableHeaderCell>
                  <TableHeaderCell>{t('trace.chosen')}</TableHeaderCell>
                  <TableHeaderCell>{t('trace.rank')}</TableHeaderCell>
                  <TableHeaderCell>{t('trace.reason')}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {step.considered.map((a) => (
                  <TableRow
                    key={a.agentId}
                    className={a.chosen ? styles.chosen : undefined}
                    data-testid="trace-agent"
                    data-chosen={a.chosen}
                  >
                    <TableCell>{a.agentName}</TableCell>
                    <TableCell>{a.chosen ? t('common.yes') : t('common.no')}</TableCell>
                    <TableCell data-testid="trace-rank">{a.rank === null ? t('trace.skippedAgent') : a.rank}</TableCell>
                    <TableCell>{withNames(a.reason, skills, profiles)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </div>
      );
  }
}

function actionText(action: OverflowAction, t: AdminT, queueName: (id: string) => string): string {
  switch (action.kind) {
    case 'transfer':
      return t('trace.actions.transfer', { queue: queueName(action.queueId) });
    case 'message-and-end':
    case 'offer-callback':
      return `${t(`queues.overflowThen.${action.kind}`)}: “${action.message}”`;
    case 'assign-anyway':
      return t('queues.overflowThen.assign-anyway');
  }
}

/** The engine's reasons name skills and capacity profiles by id; the admin reads their names. */
export function withNames(reason: string, skills: Skill[], profiles: CapacityProfile[]): string {
  return [...skills, ...profiles].reduce(
    (text, { id, name }) => (text.includes(id) ? text.split(id).join(`“${name}”`) : text),
    reason,
  );
}

/** "Skills: French 5 · Priority: 10 · Severity: High", with names instead of ids. */
export function outputsText(
  outputs: Partial<ClassificationOutputs>,
  skills: Skill[],
  profiles: CapacityProfile[],
  t: AdminT,
): string {
  const parts: string[] = [];
  if (outputs.skills?.length) {
    const names = outputs.skills.map(
      (r) => `${skills.find((s) => s.id === r.skillId)?.name ?? r.skillId} ${r.proficiency}`,
    );
    parts.push(`${t('agents.skills')}: ${names.join(', ')}`);
  }
  if (outputs.priority !== undefined) parts.push(`${t('rules.priority')}: ${outputs.priority}`);
  if (outputs.severity) parts.push(`${t('rules.severity')}: ${t(`rules.severities.${outputs.severity}`)}`);
  if (outputs.capacityProfileId) {
    parts.push(
      `${t('rules.capacityProfile')}: ${profiles.find((p) => p.id === outputs.capacityProfileId)?.name ?? outputs.capacityProfileId}`,
    );
  }
  return parts.join(' · ');
}
