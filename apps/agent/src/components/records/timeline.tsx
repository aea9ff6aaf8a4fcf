import {
  Body1,
  Button,
  Caption1,
  Field,
  Spinner,
  Text,
  Textarea,
  ToggleButton,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { TimelineItem, TimelineKind } from '@switchboard/protocol';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCreateNote, useTimeline, type TimelineOwner } from '../../hooks/use-records';
import { useNotify } from '../notify';
import { formatWhen } from '../summary/format';
import { Section } from '../summary/section';

const KINDS: TimelineKind[] = ['conversation', 'case', 'note', 'activity'];

const useStyles = makeStyles({
  filters: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS, alignItems: 'center' },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column' },
  item: {
    display: 'flex',
    flexDirection: 'column',
    padding: `${tokens.spacingVerticalXS} 0 ${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
    borderLeft: `2px solid ${tokens.colorNeutralStroke2}`,
  },
  body: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
  muted: { color: tokens.colorNeutralForeground3 },
  note: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, alignItems: 'flex-end' },
  noteField: { alignSelf: 'stretch' },
});

type Props = {
  /** Whose timeline; null: nobody linked yet. */
  owner: TimelineOwner | null;
  /** Quick notes written here are on this record, during this conversation. */
  noteOn: { kind: 'contact' | 'account' | 'case'; id: string } | null;
  conversationId?: string;
  /** Only the items this keeps (a case tab shows its own notes of the contact's timeline). */
  keep?: (item: TimelineItem) => boolean;
  title?: string;
};

/**
 * The customer's timeline (CV4): conversations, cases, notes and activities, newest first,
 * filtered by kind, with a quick note on top.
 */
export function Timeline({ owner, noteOn, conversationId, keep, title }: Props) {
  const styles = useStyles();
  const { t } = useTranslation();
  const [kinds, setKinds] = useState<TimelineKind[]>([]);
  const timeline = useTimeline(owner, kinds);
  const toggle = (kind: TimelineKind) =>
    setKinds((now) => (now.includes(kind) ? now.filter((k) => k !== kind) : [...now, kind]));
  const items = (timeline.data?.pages.flatMap((p) => p.items) ?? []).filter((i) => !keep || keep(i));

  return (
    <Section title={title ?? t('records.timeline.title')} testId="timeline">
      {noteOn && <QuickNote noteOn={noteOn} conversationId={conversationId} />}
      {!owner ? (
        <Body1>{t('records.timeline.noCustomer')}</Body1>
      ) : (
        <>
          <div className={styles.filters} role="group" aria-label={t('records.timeline.filter')}>
            <Caption1 className={styles.muted}>{t('records.timeline.filter')}</Caption1>
            <ToggleButton
              size="small"
              checked={kinds.length === 0}
              data-testid="timeline-filter-all"
              onClick={() => setKinds([])}
            >
              {t('records.timeline.all')}
            </ToggleButton>
            {KINDS.map((kind) => (
              <ToggleButton
                key={kind}
                size="small"
                checked={kinds.includes(kind)}
                data-testid={`timeline-filter-${kind}`}
                onClick={() => toggle(kind)}
              >
                {t(`records.timeline.kinds.${kind}`)}
              </ToggleButton>
            ))}
          </div>
          {timeline.isPending ? (
            <Spinner size="tiny" label={t('records.loading')} />
          ) : timeline.isError ? (
            <Body1>{t('records.loadFailed', { message: timeline.error.message })}</Body1>
          ) : items.length === 0 ? (
            <Body1>{t('records.timeline.none')}</Body1>
          ) : (
            <ol className={styles.list} data-testid="timeline-items">
              {items.map((item) => (
                <TimelineEntry key={`${item.kind}:${item.id}`} item={item} />
              ))}
            </ol>
          )}
          {timeline.hasNextPage && (
            <Button
              size="small"
              appearance="subtle"
              disabled={timeline.isFetchingNextPage}
              onClick={() => void timeline.fetchNextPage()}
            >
              {t('records.timeline.more')}
            </Button>
          )}
        </>
      )}
    </Section>
  );
}

function TimelineEntry({ item }: { item: TimelineItem }) {
  const styles = useStyles();
  const { t, i18n } = useTranslation();
  const when = formatWhen(item.at, i18n.language);
  let head: string;
  let body: string | null = null;
  let by: string | null = null;
  if (item.kind === 'conversation') {
    const c = item.conversation;
    const channel = t(`channel.${c.channel}`);
    head = c.queueName
      ? t('records.timeline.conversation', { channel, queue: c.queueName })
      : t('records.timeline.conversationNoQueue', { channel });
    body = c.firstMessage;
    by = c.agentName;
  } else if (item.kind === 'case') {
    head = t('records.timeline.caseOpened', { reference: item.case.reference, title: item.case.title });
    body = t(`records.status.${item.case.status}`);
    by = item.case.ownerName;
  } else if (item.kind === 'note') {
    head = item.note.authorName
      ? t('records.timeline.noteBy', { name: item.note.authorName })
      : t('records.timeline.note');
    body = item.note.body;
  } else {
    head = item.activity.summary;
    by = item.activity.actorName;
  }
  return (
    <li className={styles.item} data-testid="timeline-item" data-kind={item.kind}>
      <Text weight="semibold">{head}</Text>
      {body && <Body1 className={styles.body}>{body}</Body1>}
      <Caption1 className={styles.muted}>
        {[t(`records.timeline.kind.${item.kind}`), by, when].filter(Boolean).join(' · ')}
      </Caption1>
    </li>
  );
}

function QuickNote({
  noteOn,
  conversationId,
}: Pick<Props, 'conversationId'> & { noteOn: NonNullable<Props['noteOn']> }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const notify = useNotify();
  const [text, setText] = useState('');
  const create = useCreateNote();
  const add = () =>
    create.mutate(
      { recordType: noteOn.kind, recordId: noteOn.id, body: text.trim(), conversationId },
      {
        onSuccess: () => setText(''),
        onError: (err) => notify(t('records.failed', { message: err.message })),
      },
    );
  return (
    <div className={styles.note}>
      <Field label={t('records.quickNote.label')} className={styles.noteField}>
        <Textarea
          value={text}
          resize="vertical"
          placeholder={t('records.quickNote.placeholder')}
          data-testid="quick-note-input"
          onChange={(_e, d) => setText(d.value)}
        />
      </Field>
      <Button
        size="small"
        appearance="primary"
        data-testid="quick-note-add"
        disabled={text.trim() === '' || create.isPending}
        onClick={add}
      >
        {t('records.quickNote.add')}
      </Button>
    </div>
  );
}
