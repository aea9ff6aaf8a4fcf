import {
  Button,
  Field,
  Input,
  Select,
  Tag,
  TagGroup,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { NewOperatingHours, Weekday, type OperatingHours } from '@switchboard/protocol';
import { useState } from 'react';
import { useT } from '../../i18n';
import { Link, useNavigate, useParams } from 'react-router';
import { useApi } from '../../api/api';
import { useList } from '../../api/queries';
import { EntityList } from '../../components/entity-list';
import { ErrorText, fieldError, useForm } from '../../components/form';
import { EditorShell, SaveBar } from '../../components/editor';
import { Loading } from '../../components/page';
import { RemoveButton } from '../../components/reorder-buttons';
import { ButtonBar, FieldGrid, Section } from '../../components/section';
import { removeAt, replaceAt } from '../../lib/list';

type Draft = Omit<OperatingHours, 'id'>;
type Period = Draft['weekly'][number];

const useStyles = makeStyles({
  actions: { display: 'flex', gap: tokens.spacingHorizontalS },
  muted: { color: tokens.colorNeutralForeground3 },
  days: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  day: { display: 'grid', gridTemplateColumns: '140px 1fr', alignItems: 'start', gap: tokens.spacingHorizontalM },
  dayName: { paddingTop: tokens.spacingVerticalSNudge, fontWeight: tokens.fontWeightSemibold },
  periods: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: tokens.spacingVerticalXS },
  period: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  time: { width: '100px' },
  holidays: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  tags: { flexWrap: 'wrap', rowGap: tokens.spacingVerticalXS },
});

/** Every IANA time zone this browser knows, plus UTC and whatever the item already uses. */
export function timeZones(current?: string): string[] {
  const zones = new Set(typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : []);
  zones.add('UTC');
  if (current) zones.add(current);
  return [...zones].sort();
}

const localZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

const blank = (): Draft => ({
  name: '',
  timeZone: localZone(),
  weekly: (['mon', 'tue', 'wed', 'thu', 'fri'] as const).map((day) => ({ day, start: '09:00', end: '17:00' })),
  holidays: [],
});

const withoutId = ({ id: _id, ...rest }: OperatingHours): Draft => rest;

export function OperatingHoursPage() {
  const { t } = useT();
  const call = useApi();
  const navigate = useNavigate();
  const hours = useList('listOperatingHours');

  return (
    <EntityList
      testId="hours"
      title={t('hours.title')}
      description={t('hours.description')}
      add={{ label: t('hours.new'), onClick: () => navigate('/operating-hours/new') }}
      emptyText={t('hours.empty')}
      items={hours.data}
      error={hours.error}
      columns={[
        { header: t('common.name'), cell: (h) => <Link to={`/operating-hours/${h.id}`}>{h.name}</Link> },
        { header: t('hours.timeZone'), cell: (h) => h.timeZone },
        { header: t('hours.weekly'), cell: (h) => t('hours.periodCount', { count: h.weekly.length }) },
        { header: t('hours.holidays'), cell: (h) => h.holidays.length },
      ]}
      onEdit={(h) => navigate(`/operating-hours/${h.id}`)}
      remove={(h) => call('deleteOperatingHours', { params: { id: h.id } })}
    />
  );
}

export function OperatingHoursEditorPage() {
  const { t } = useT();
  const { id = 'new' } = useParams();
  const hours = useList('listOperatingHours');
  if (!hours.data) return <Loading error={hours.error} />;
  const existing = hours.data.find((h) => h.id === id);
  if (id !== 'new' && !existing) return <Text>{t('common.notFound')}</Text>;
  return <OperatingHoursEditor key={id} existing={existing} />;
}

export function OperatingHoursEditor({ existing }: { existing: OperatingHours | undefined }) {
  const styles = useStyles();
  const { t } = useT();
  const call = useApi();
  const navigate = useNavigate();
  const form = useForm<Draft>(NewOperatingHours, () => (existing ? withoutId(existing) : blank()));
  const { draft, errors } = form;
  const set = (patch: Partial<Draft>) => form.setDraft((d) => ({ ...d, ...patch }));
  const [holiday, setHoliday] = useState('');
  const [zones] = useState(() => timeZones(draft.timeZone));

  const setPeriod = (index: number, period: Period) => set({ weekly: replaceAt(draft.weekly, index, period) });

  async function save() {
    if (existing) {
      const saved = await form.save((body) => call('updateOperatingHours', { params: { id: existing.id }, body }), t('form.saved'));
      if (saved) form.reset(withoutId(saved));
    } else {
      const saved = await form.save((body) => call('createOperatingHours', { body }), t('form.created'));
      if (saved) navigate(`/operating-hours/${saved.id}`, { replace: true });
    }
  }

  function addHoliday() {
    if (!holiday || draft.holidays.includes(holiday)) return;
    set({ holidays: [...draft.holidays, holiday].sort() });
    setHoliday('');
  }

  function copyMondayToWeekdays() {
    const monday = draft.weekly.filter((p) => p.day === 'mon');
    const rest = draft.weekly.filter((p) => !['tue', 'wed', 'thu', 'fri'].includes(p.day));
    const copies = (['tue', 'wed', 'thu', 'fri'] as const).flatMap((day) => monday.map((p) => ({ ...p, day })));
    set({ weekly: [...rest, ...copies] });
  }

  return (
    <EditorShell
      title={existing ? existing.name : t('hours.new')}
      description={t('hours.editorDescription')}
      backTo="/operating-hours"
      errors={errors}
    >
      <Section title={t('hours.sections.general')}>
        <FieldGrid>
          <Field label={t('common.name')} required {...fieldError(errors, 'name')}>
            <Input data-testid="hours-name" value={draft.name} onChange={(_, d) => set({ name: d.value })} />
          </Field>
          <Field label={t('hours.timeZone')} hint={t('hours.timeZoneHint')} {...fieldError(errors, 'timeZone')}>
            <Select data-testid="hours-timezone" value={draft.timeZone} onChange={(_, d) => set({ timeZone: d.value })}>
              {zones.map((z) => (
                <option key={z} value={z}>
                  {z}
                </option>
              ))}
            </Select>
          </Field>
        </FieldGrid>
      </Section>

      <Section title={t('hours.weekly')} description={t('hours.weeklyHelp')} testId="hours-weekly">
        <div className={styles.days}>
          {Weekday.options.map((day) => {
            const periods = draft.weekly.map((p, index) => ({ p, index })).filter(({ p }) => p.day === day);
            return (
              <div key={day} className={styles.day} data-testid="hours-day" data-day={day}>
                <Text className={styles.dayName}>{t(`hours.days.${day}`)}</Text>
                <div className={styles.periods}>
                  {periods.length === 0 && <Text className={styles.muted}>{t('hours.closed')}</Text>}
                  {periods.map(({ p, index }) => (
                    <div key={index} className={styles.period} data-testid="hours-period">
                      <Input
                        className={styles.time}
                        data-testid="hours-start"
                        aria-label={t('hours.start')}
                        placeholder="09:00"
                        value={p.start}
                        onChange={(_, d) => setPeriod(index, { ...p, start: d.value.trim() })}
                      />
                      <Text>–</Text>
                      <Input
                        className={styles.time}
                        data-testid="hours-end"
                        aria-label={t('hours.end')}
                        placeholder="17:00"
                        value={p.end}
                        onChange={(_, d) => setPeriod(index, { ...p, end: d.value.trim() })}
                      />
                      <RemoveButton onClick={() => set({ weekly: removeAt(draft.weekly, index) })} />
                      <ErrorText message={errors[`weekly.${index}.start`] ?? errors[`weekly.${index}.end`] ?? errors[`weekly.${index}`]} />
                    </div>
                  ))}
                  <Button
                    size="small"
                    appearance="subtle"
                    data-testid="hours-add-period"
                    onClick={() => set({ weekly: [...draft.weekly, { day, start: '09:00', end: '17:00' }] })}
                  >
                    {t('hours.addPeriod')}
                  </Button>
                </div>
              </div>
            );
          })}
        </div>
        <ButtonBar>
          <Button size="small" data-testid="hours-copy-monday" onClick={copyMondayToWeekdays}>
            {t('hours.copyMonday')}
          </Button>
        </ButtonBar>
        <ErrorText message={errors['weekly']} />
      </Section>

      <Section title={t('hours.holidays')} description={t('hours.holidaysHelp')} testId="hours-holidays">
        <div className={styles.holidays}>
          <Input type="date" data-testid="hours-holiday-input" aria-label={t('hours.holidayDate')} value={holiday} onChange={(_, d) => setHoliday(d.value)} />
          <Button data-testid="hours-holiday-add" disabled={!holiday} onClick={addHoliday}>
            {t('hours.addHoliday')}
          </Button>
        </div>
        {draft.holidays.length === 0 ? (
          <Text className={styles.muted}>{t('hours.noHolidays')}</Text>
        ) : (
          <TagGroup className={styles.tags} aria-label={t('hours.holidays')} onDismiss={(_, d) => set({ holidays: draft.holidays.filter((h) => h !== d.value) })}>
            {draft.holidays.map((h) => (
              <Tag key={h} value={h} dismissible dismissIcon={{ 'aria-label': t('common.remove') }} data-testid="hours-holiday">
                {h}
              </Tag>
            ))}
          </TagGroup>
        )}
        <ErrorText message={Object.entries(errors).find(([k]) => k.startsWith('holidays'))?.[1]} />
      </Section>

      <SaveBar testId="hours-save" form={form} onSave={() => void save()} />
    </EditorShell>
  );
}
