import { Button, Card, Field, Input, Radio, RadioGroup, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import { LIMITS, type QueueConfig, type RouteToQueueRule } from '@switchboard/protocol';
import { useState } from 'react';
import { useT } from '../../i18n';
import { ErrorText, NumberInput, fieldError } from '../../components/form';
import { RemoveButton, ReorderButtons } from '../../components/reorder-buttons';
import type { FieldErrors } from '../../lib/issues';
import { move, removeAt, replaceAt } from '../../lib/list';
import { ConditionBuilder } from './condition-builder';

export const useRuleStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  card: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalL },
  head: { display: 'flex', alignItems: 'flex-end', gap: tokens.spacingHorizontalM },
  number: { color: tokens.colorNeutralForeground3, minWidth: '28px', paddingBottom: tokens.spacingVerticalSNudge },
  name: { flexGrow: 1, maxWidth: '480px' },
  grow: { flexGrow: 1 },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  label: { fontWeight: tokens.fontWeightSemibold },
  split: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  queue: { minWidth: '220px', maxWidth: '360px' },
  percent: { width: '90px' },
  muted: { color: tokens.colorNeutralForeground3 },
  add: { alignSelf: 'flex-start' },
});

type Props = {
  rules: RouteToQueueRule[];
  onChange: (rules: RouteToQueueRule[]) => void;
  queues: QueueConfig[];
  errors: FieldErrors;
};

const newRule = (): RouteToQueueRule => ({ name: '', when: { kind: 'always' }, queues: [{ queueId: '', percentage: 100 }] });

/** Route-to-queue rules, in order: the first match whose queue is not overflowing wins (RT2). */
export function RouteRulesEditor({ rules, onChange, queues, errors }: Props) {
  const styles = useRuleStyles();
  const { t } = useT();
  return (
    <div className={styles.list} data-testid="route-rules">
      {rules.length === 0 && <Text className={styles.muted}>{t('rules.noRouteRules')}</Text>}
      {rules.map((rule, i) => (
        <RouteRuleCard
          key={i}
          rule={rule}
          index={i}
          count={rules.length}
          queues={queues}
          errors={errors}
          onChange={(next) => onChange(replaceAt(rules, i, next))}
          onMove={(delta) => onChange(move(rules, i, delta))}
          onDelete={() => onChange(removeAt(rules, i))}
        />
      ))}
      <Button
        className={styles.add}
        data-testid="route-rule-add"
        disabled={rules.length >= LIMITS.routeRulesPerWorkstream}
        onClick={() => onChange([...rules, newRule()])}
      >
        {t('rules.addRouteRule')}
      </Button>
    </div>
  );
}

function RouteRuleCard({
  rule,
  index,
  count,
  queues,
  errors,
  onChange,
  onMove,
  onDelete,
}: {
  rule: RouteToQueueRule;
  index: number;
  count: number;
  queues: QueueConfig[];
  errors: FieldErrors;
  onChange: (rule: RouteToQueueRule) => void;
  onMove: (delta: -1 | 1) => void;
  onDelete: () => void;
}) {
  const styles = useRuleStyles();
  const { t } = useT();
  const path = `routeToQueue.${index}`;
  const [splitChosen, setSplitChosen] = useState(rule.queues.length > 1);
  const split = splitChosen || rule.queues.length > 1;
  const total = rule.queues.reduce((sum, q) => sum + (Number.isNaN(q.percentage) ? 0 : q.percentage), 0);
  const setShares = (shares: RouteToQueueRule['queues']) => onChange({ ...rule, queues: shares });

  return (
    <Card className={styles.card} data-testid="route-rule" data-index={index}>
      <div className={styles.head}>
        <Text className={styles.number}>{index + 1}.</Text>
        <Field className={styles.name} label={t('rules.ruleName')} required {...fieldError(errors, `${path}.name`)}>
          <Input data-testid="route-rule-name" value={rule.name} onChange={(_, d) => onChange({ ...rule, name: d.value })} />
        </Field>
        <span className={styles.grow} />
        <ReorderButtons testId="route-rule" index={index} count={count} onMove={onMove} onDelete={onDelete} />
      </div>
      <div className={styles.section}>
        <Text className={styles.label}>{t('rules.when')}</Text>
        <ConditionBuilder value={rule.when} onChange={(when) => onChange({ ...rule, when })} path={`${path}.when`} errors={errors} />
      </div>
      <div className={styles.section}>
        <Text className={styles.label}>{t('rules.sendTo')}</Text>
        <RadioGroup
          layout="horizontal"
          data-testid="route-rule-target"
          value={split ? 'split' : 'one'}
          onChange={(_, d) => {
            if (d.value === 'one') {
              setSplitChosen(false);
              setShares([{ queueId: rule.queues[0]?.queueId ?? '', percentage: 100 }]);
            } else setSplitChosen(true);
          }}
        >
          <Radio value="one" label={t('rules.oneQueue')} data-testid="route-rule-target-one" />
          <Radio value="split" label={t('rules.splitQueues')} data-testid="route-rule-target-split" />
        </RadioGroup>
        {!split ? (
          <Field {...fieldError(errors, `${path}.queues.0.queueId`)}>
            <QueueSelect
              testId="route-rule-queue"
              queues={queues}
              value={rule.queues[0]?.queueId ?? ''}
              onChange={(queueId) => setShares([{ queueId, percentage: 100 }])}
            />
          </Field>
        ) : (
          <>
            {rule.queues.map((share, i) => (
              <div key={i} className={styles.split} data-testid="route-rule-split">
                <QueueSelect
                  testId="route-rule-split-queue"
                  queues={queues}
                  value={share.queueId}
                  onChange={(queueId) => setShares(replaceAt(rule.queues, i, { ...share, queueId }))}
                />
                <NumberInput
                  className={styles.percent}
                  data-testid="route-rule-split-percentage"
                  aria-label={t('rules.percentage')}
                  min={1}
                  max={100}
                  contentAfter="%"
                  value={share.percentage}
                  onChange={(v) => setShares(replaceAt(rule.queues, i, { ...share, percentage: v ?? NaN }))}
                />
                <RemoveButton disabled={rule.queues.length === 1} onClick={() => setShares(removeAt(rule.queues, i))} />
                <ErrorText message={errors[`${path}.queues.${i}.queueId`] ?? errors[`${path}.queues.${i}.percentage`]} />
              </div>
            ))}
            <div className={styles.split}>
              <Button
                size="small"
                data-testid="route-rule-split-add"
                disabled={rule.queues.length >= LIMITS.queuesPerSplit}
                onClick={() => setShares([...rule.queues, { queueId: '', percentage: Math.max(1, 100 - total) }])}
              >
                {t('rules.addShare')}
              </Button>
              <Text className={styles.muted} data-testid="route-rule-split-total">
                {t('rules.total', { total })}
              </Text>
            </div>
          </>
        )}
        <ErrorText message={errors[`${path}.queues`]} />
      </div>
    </Card>
  );
}

export function QueueSelect({
  testId,
  queues,
  value,
  onChange,
  allowNone,
}: {
  testId: string;
  queues: QueueConfig[];
  value: string;
  onChange: (id: string) => void;
  allowNone?: string;
}) {
  const { t } = useT();
  const styles = useRuleStyles();
  return (
    <Select className={styles.queue} data-testid={testId} aria-label={t('rules.queue')} value={value} onChange={(_, d) => onChange(d.value)}>
      <option value="">{allowNone ?? t('rules.chooseQueue')}</option>
      {queues.map((q) => (
        <option key={q.id} value={q.id}>
          {q.name}
        </option>
      ))}
    </Select>
  );
}
