import { Button, Input, Select, Tag, TagGroup, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { LIMITS, Operator, type Comparison, type Condition, type Skill } from '@switchboard/protocol';
import { createContext, useContext, useState } from 'react';
import { useT } from '../../i18n';
import { ErrorText, NumberInput } from '../../components/form';
import { ReorderButtons } from '../../components/reorder-buttons';
import type { FieldErrors } from '../../lib/issues';
import { move, removeAt, replaceAt } from '../../lib/list';

export const SCOPES = ['context', 'prechat', 'channel', 'contact', 'account', 'output'] as const;
export type Scope = (typeof SCOPES)[number];

/** Field names the host page, the pre-chat survey and the records are known to have (free text is allowed). */
export const FIELD_SUGGESTIONS: Record<Scope, string[]> = {
  context: [],
  prechat: ['name', 'email', 'question'],
  channel: ['kind', 'locale'],
  contact: ['name', 'email', 'city', 'jobTitle', 'category'],
  account: ['name', 'city', 'category'],
  output: ['priority', 'severity', 'skills'],
};

type Group = Extract<Condition, { kind: 'and' | 'or' }>;

/** Lists the builder offers as values: `output.skills` holds skill ids, chosen here by name. */
export const ConditionOptions = createContext<{ skills: Skill[] }>({ skills: [] });
type Scalar = string | number | boolean;

const ALWAYS: Condition = { kind: 'always' };
const newComparison = (): Comparison => ({ kind: 'compare', field: 'context.', operator: 'equals' });
const childrenOf = (g: Group) => (g.kind === 'and' ? g.all : g.any);
const makeGroup = (kind: Group['kind'], children: Condition[]): Group => (kind === 'and' ? { kind, all: children } : { kind, any: children });

const useStyles = makeStyles({
  builder: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  group: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderLeft: `3px solid ${tokens.colorBrandStroke2}`,
    backgroundColor: tokens.colorNeutralBackground2,
    borderRadius: tokens.borderRadiusMedium,
  },
  nested: { backgroundColor: tokens.colorNeutralBackground3, borderLeftColor: tokens.colorPaletteBerryBorder2 },
  groupHead: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  grow: { flexGrow: 1 },
  row: { display: 'flex', alignItems: 'flex-start', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  cell: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  scope: { width: '130px' },
  name: { width: '170px' },
  operator: { width: '170px' },
  value: { width: '220px' },
  joiner: { color: tokens.colorNeutralForeground3, textTransform: 'uppercase', fontSize: tokens.fontSizeBase100, fontWeight: tokens.fontWeightSemibold },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS },
  always: { color: tokens.colorNeutralForeground2, fontStyle: 'italic' },
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, width: '300px' },
  tags: { flexWrap: 'wrap', rowGap: tokens.spacingVerticalXS },
});

type NodeProps<C> = {
  value: C;
  /** `null` removes the node from its group. */
  onChange: (next: Condition | null) => void;
  path: string;
  errors: FieldErrors;
  depth: number;
};

/**
 * Edits a `Condition`: comparisons (field, operator, value) in nested AND/OR groups, each
 * movable up and down and removable. Deleting the last comparison leaves "always".
 */
export function ConditionBuilder({ value, onChange, path, errors }: { value: Condition; onChange: (c: Condition) => void; path: string; errors: FieldErrors }) {
  const styles = useStyles();
  const { t } = useT();
  const set = (c: Condition | null) => onChange(c ?? ALWAYS);

  if (value.kind === 'and' || value.kind === 'or') {
    return (
      <div className={styles.builder} data-testid="condition-builder" data-kind={value.kind}>
        <GroupNode value={value} onChange={set} path={path} errors={errors} depth={1} />
      </div>
    );
  }
  // A single comparison or "always": adding more wraps them in an AND group.
  const add = (c: Condition) => onChange(value.kind === 'always' ? c : { kind: 'and', all: [value, c] });
  return (
    <div className={styles.builder} data-testid="condition-builder" data-kind={value.kind}>
      {value.kind === 'always' ? (
        <Text className={styles.always} data-testid="cond-always">
          {t('conditions.always')}
        </Text>
      ) : (
        <ComparisonRow value={value} onChange={set} path={path} errors={errors} depth={0} index={0} count={1} onMove={() => undefined} />
      )}
      <AddButtons
        onAdd={() => add(newComparison())}
        onAddGroup={() => add(makeGroup(value.kind === 'always' ? 'and' : 'or', [newComparison()]))}
        canGroup
      />
    </div>
  );
}

function AddButtons({ onAdd, onAddGroup, canGroup }: { onAdd: () => void; onAddGroup: () => void; canGroup: boolean }) {
  const styles = useStyles();
  const { t } = useT();
  return (
    <div className={styles.actions}>
      <Button size="small" data-testid="cond-add" onClick={onAdd}>
        {t('conditions.add')}
      </Button>
      <Button size="small" data-testid="cond-add-group" disabled={!canGroup} onClick={onAddGroup}>
        {t('conditions.addGroup')}
      </Button>
    </div>
  );
}

function GroupNode({
  value,
  onChange,
  path,
  errors,
  depth,
  index,
  count,
  onMove,
}: NodeProps<Group> & { index?: number; count?: number; onMove?: (delta: -1 | 1) => void }) {
  const styles = useStyles();
  const { t } = useT();
  const key = value.kind === 'and' ? 'all' : 'any';
  const children = childrenOf(value);
  const setChildren = (next: Condition[]) => onChange(next.length === 0 ? null : makeGroup(value.kind, next));
  const canGroup = depth < LIMITS.conditionDepth - 1;
  const nested = onMove !== undefined;

  return (
    <div className={mergeClasses(styles.group, nested && styles.nested)} data-testid="cond-group" data-kind={value.kind}>
      <div className={styles.groupHead}>
        <Select
          data-testid="cond-group-mode"
          aria-label={t('conditions.mode')}
          value={value.kind}
          onChange={(_, d) => onChange(makeGroup(d.value as Group['kind'], children))}
        >
          <option value="and">{t('conditions.all')}</option>
          <option value="or">{t('conditions.any')}</option>
        </Select>
        <span className={styles.grow} />
        {nested && (
          <ReorderButtons testId="cond-group" index={index ?? 0} count={count ?? 1} onMove={onMove} onDelete={() => onChange(null)} />
        )}
      </div>
      {children.map((child, i) => {
        const childPath = `${path}.${key}.${i}`;
        const props = {
          path: childPath,
          errors,
          depth: depth + 1,
          index: i,
          count: children.length,
          onMove: (delta: -1 | 1) => setChildren(move(children, i, delta)),
          onChange: (next: Condition | null) => setChildren(next === null ? removeAt(children, i) : replaceAt(children, i, next)),
        };
        return (
          <div key={i} className={styles.cell}>
            {i > 0 && <span className={styles.joiner}>{value.kind === 'and' ? t('conditions.and') : t('conditions.or')}</span>}
            {child.kind === 'compare' ? (
              <ComparisonRow {...props} value={child} />
            ) : child.kind === 'always' ? (
              <div className={styles.row} data-testid="cond-row">
                <Text className={styles.always}>{t('conditions.always')}</Text>
                <ReorderButtons testId="cond" index={i} count={children.length} onMove={props.onMove} onDelete={() => props.onChange(null)} />
              </div>
            ) : (
              <GroupNode {...props} value={child} />
            )}
          </div>
        );
      })}
      <ErrorText message={errors[`${path}.${key}`]} />
      <AddButtons
        onAdd={() => setChildren([...children, newComparison()])}
        onAddGroup={() => setChildren([...children, makeGroup(value.kind === 'and' ? 'or' : 'and', [newComparison()])])}
        canGroup={canGroup}
      />
    </div>
  );
}

function splitField(field: string): { scope: Scope; name: string } {
  const dot = field.indexOf('.');
  const scope = (dot < 0 ? field : field.slice(0, dot)) as Scope;
  return { scope: SCOPES.includes(scope) ? scope : 'context', name: dot < 0 ? '' : field.slice(dot + 1) };
}

/** The value a comparison keeps when its operator changes. */
export function valueFor(operator: Operator, value: Comparison['value']): Comparison['value'] {
  if (operator === 'exists' || operator === 'not-exists') return undefined;
  const list = Array.isArray(value) ? value : value === undefined || value === '' ? [] : [value];
  if (operator === 'in') return list;
  if (operator === 'greater-than' || operator === 'less-than') {
    const n = typeof list[0] === 'number' ? list[0] : Number(list[0]);
    return list[0] === undefined || Number.isNaN(n) ? undefined : n;
  }
  if (Array.isArray(value)) return value.length === 1 ? value[0] : value.length === 0 ? undefined : value;
  return value;
}

function ComparisonRow({ value, onChange, path, errors, index, count, onMove }: NodeProps<Comparison> & { index: number; count: number; onMove: (delta: -1 | 1) => void }) {
  const styles = useStyles();
  const { t } = useT();
  const { scope, name } = splitField(value.field);
  const set = (patch: Partial<Comparison>) => onChange({ ...value, ...patch });
  const listValue = value.operator === 'in' || Array.isArray(value.value);
  const { skills } = useContext(ConditionOptions);
  const skillOptions = value.field === 'output.skills' && skills.length > 0 ? skills.map((s) => ({ value: s.id, label: s.name })) : undefined;

  return (
    <div className={styles.row} data-testid="cond-row">
      <Select
        className={styles.scope}
        data-testid="cond-scope"
        aria-label={t('conditions.scope')}
        value={scope}
        onChange={(_, d) => set({ field: `${d.value}.${name}` })}
      >
        {SCOPES.map((s) => (
          <option key={s} value={s}>
            {t(`conditions.scopes.${s}`)}
          </option>
        ))}
      </Select>
      <div className={styles.cell}>
        <Input
          className={styles.name}
          data-testid="cond-name"
          aria-label={t('conditions.fieldName')}
          placeholder={t('conditions.fieldPlaceholder')}
          list={`cond-fields-${scope}`}
          value={name}
          onChange={(_, d) => set({ field: `${scope}.${d.value.trim()}` })}
        />
        <ErrorText message={errors[`${path}.field`]} />
      </div>
      <Select
        className={styles.operator}
        data-testid="cond-operator"
        aria-label={t('conditions.operator')}
        value={value.operator}
        onChange={(_, d) => {
          const operator = d.value as Operator;
          const next: Comparison = { kind: 'compare', field: value.field, operator };
          const v = valueFor(operator, value.value);
          onChange(v === undefined ? next : { ...next, value: v });
        }}
      >
        {Operator.options.map((op) => (
          <option key={op} value={op}>
            {t(`conditions.operators.${op}`)}
          </option>
        ))}
      </Select>
      {value.operator === 'exists' || value.operator === 'not-exists' ? null : (
        <div className={styles.cell}>
          {listValue ? (
            <ListInput values={Array.isArray(value.value) ? value.value : []} onChange={(v) => set({ value: v })} options={skillOptions} />
          ) : skillOptions && value.operator !== 'greater-than' && value.operator !== 'less-than' ? (
            <Select
              className={styles.value}
              data-testid="cond-value"
              aria-label={t('conditions.value')}
              value={typeof value.value === 'string' ? value.value : ''}
              onChange={(_, d) => set({ value: d.value === '' ? undefined : d.value })}
            >
              <option value="">{t('rules.chooseSkill')}</option>
              {skillOptions.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </Select>
          ) : value.operator === 'greater-than' || value.operator === 'less-than' ? (
            <NumberInput
              className={styles.value}
              data-testid="cond-value"
              aria-label={t('conditions.value')}
              value={typeof value.value === 'number' ? value.value : undefined}
              onChange={(v) => set({ value: v })}
            />
          ) : (
            <Input
              className={styles.value}
              data-testid="cond-value"
              aria-label={t('conditions.value')}
              value={value.value === undefined ? '' : String(value.value)}
              onChange={(_, d) => set({ value: d.value === '' ? undefined : d.value })}
            />
          )}
          <ErrorText message={errors[`${path}.value`] ?? errors[`${path}.operator`]} />
        </div>
      )}
      <span className={styles.grow} />
      <ReorderButtons testId="cond" index={index} count={count} onMove={onMove} onDelete={() => onChange(null)} />
    </div>
  );
}

/**
 * Values for `in` (any of them matches): Enter or a comma adds one, the cross removes it. With
 * `options`, values are picked from a list and shown by their label.
 */
function ListInput({ values, onChange, options }: { values: Scalar[]; onChange: (values: Scalar[]) => void; options?: { value: string; label: string }[] }) {
  const styles = useStyles();
  const { t } = useT();
  const [text, setText] = useState('');
  const labelOf = (v: Scalar) => options?.find((o) => o.value === v)?.label ?? String(v);

  function commit() {
    const added = text
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== '' && !values.includes(s));
    if (added.length > 0) onChange([...values, ...added]);
    setText('');
  }

  return (
    <div className={styles.list} data-testid="cond-value-list">
      {values.length > 0 && (
        <TagGroup
          className={styles.tags}
          aria-label={t('conditions.values')}
          onDismiss={(_, d) => onChange(values.filter((v) => String(v) !== d.value))}
        >
          {values.map((v) => (
            <Tag key={String(v)} value={String(v)} size="small" dismissible dismissIcon={{ 'aria-label': t('common.remove') }} data-testid="cond-value-tag">
              {labelOf(v)}
            </Tag>
          ))}
        </TagGroup>
      )}
      {options ? (
        <Select
          data-testid="cond-value-input"
          aria-label={t('conditions.addValue')}
          value=""
          onChange={(_, d) => d.value && !values.includes(d.value) && onChange([...values, d.value])}
        >
          <option value="">{t('rules.chooseSkill')}</option>
          {options
            .filter((o) => !values.includes(o.value))
            .map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
        </Select>
      ) : (
        <Input
          data-testid="cond-value-input"
          aria-label={t('conditions.addValue')}
          placeholder={t('conditions.addValue')}
          value={text}
          onChange={(_, d) => setText(d.value)}
          onBlur={commit}
          onKeyDown={(e) => {
            if (e.key === 'Enter' || e.key === ',') {
              e.preventDefault();
              commit();
            }
          }}
        />
      )}
    </div>
  );
}

/** The suggestion lists the field-name inputs point at; rendered once per page. */
export function FieldSuggestions() {
  return (
    <>
      {SCOPES.map((scope) => (
        <datalist key={scope} id={`cond-fields-${scope}`}>
          {FIELD_SUGGESTIONS[scope].map((name) => (
            <option key={name} value={name} />
          ))}
        </datalist>
      ))}
    </>
  );
}
