import { Body1, Caption1, Tab, TabList, makeStyles, tokens } from '@fluentui/react-components';
import type { CustomerSummary } from '@switchboard/protocol';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatSeconds, formatWhen } from './format';
import { Fields, Section } from './section';

const useStyles = makeStyles({
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: '6px' },
  item: { display: 'flex', flexDirection: 'column' },
  muted: { color: tokens.colorNeutralForeground3 },
  tabs: { flexWrap: 'wrap' },
});

type SubTab = 'prechat' | 'journey' | 'visitor' | 'context';

/** The conversation summary (AG6): its facts, then tabs for the survey, the journey, the visitor, the context. */
export function ConversationCard({ summary }: { summary: CustomerSummary }) {
  const styles = useStyles();
  const { t, i18n } = useTranslation();
  const [tab, setTab] = useState<SubTab>('prechat');
  const c = summary.conversation;
  return (
    <Section title={t('records.conversation.title')} testId="summary-conversation">
      <Fields
        rows={[
          { id: 'channel', label: t('records.conversation.channel'), value: t(`channel.${c.channel}`) },
          { id: 'waitTime', label: t('records.conversation.waitTime'), value: formatSeconds(c.waitSeconds) },
          { id: 'skills', label: t('records.conversation.skills'), value: c.skills.join(', ') },
          { id: 'queue', label: t('records.conversation.queue'), value: c.queueName },
          {
            id: 'startTime',
            label: t('records.conversation.startTime'),
            value: formatWhen(c.startedAt, i18n.language),
          },
        ]}
      />
      <TabList
        size="small"
        className={styles.tabs}
        selectedValue={tab}
        onTabSelect={(_e, d) => setTab(d.value as SubTab)}
      >
        <Tab value="prechat" data-testid="subtab-prechat">
          {t('records.conversation.prechat')}
        </Tab>
        <Tab value="journey" data-testid="subtab-journey">
          {t('records.conversation.selfService')}
        </Tab>
        <Tab value="visitor" data-testid="subtab-visitor">
          {t('records.conversation.visitor')}
        </Tab>
        <Tab value="context" data-testid="subtab-context">
          {t('records.conversation.context')}
        </Tab>
      </TabList>
      <div data-testid={`subpanel-${tab}`}>
        {tab === 'prechat' && <Prechat summary={summary} />}
        {tab === 'journey' && <Journey summary={summary} />}
        {tab === 'visitor' && <Visitor summary={summary} />}
        {tab === 'context' && <Context summary={summary} />}
      </div>
    </Section>
  );
}

function Prechat({ summary }: { summary: CustomerSummary }) {
  const { t } = useTranslation();
  if (summary.prechat.length === 0) return <Body1>{t('records.conversation.noPrechat')}</Body1>;
  return <Fields rows={summary.prechat.map((p, i) => ({ id: `prechat-${i}`, label: p.question, value: p.answer }))} />;
}

/** Newest first, as the server sends them, each with its kind and time. */
function Journey({ summary }: { summary: CustomerSummary }) {
  const styles = useStyles();
  const { t, i18n } = useTranslation();
  if (summary.journey.length === 0) return <Body1>{t('records.conversation.noJourney')}</Body1>;
  return (
    <ul className={styles.list}>
      {summary.journey.map((a) => (
        <li key={a.id} className={styles.item} data-testid="journey-action" data-kind={a.kind}>
          <Body1>{a.name}</Body1>
          <Caption1 className={styles.muted}>
            {t(`records.journey.${a.kind}`)} · {formatWhen(a.at, i18n.language)}
          </Caption1>
        </li>
      ))}
    </ul>
  );
}

function Visitor({ summary }: { summary: CustomerSummary }) {
  const { t } = useTranslation();
  const v = summary.visitor;
  return (
    <Fields
      rows={[
        {
          id: 'authenticated',
          label: t('records.conversation.authenticated'),
          value: v.authenticated ? t('records.yes') : t('records.no'),
        },
        { id: 'browser', label: t('records.conversation.browser'), value: v.browser },
        { id: 'os', label: t('records.conversation.os'), value: v.os },
        { id: 'location', label: t('records.conversation.location'), value: v.location },
        { id: 'language', label: t('records.conversation.language'), value: v.language },
      ]}
    />
  );
}

function Context({ summary }: { summary: CustomerSummary }) {
  const { t } = useTranslation();
  const entries = Object.entries(summary.context);
  if (entries.length === 0) return <Body1>{t('records.conversation.noContext')}</Body1>;
  return <Fields rows={entries.map(([key, value]) => ({ id: `context-${key}`, label: key, value: String(value) }))} />;
}
