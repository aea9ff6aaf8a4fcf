import { Button, Field, Input, Select, Text, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { NewChatWidget, type ChatWidget } from '@switchboard/protocol';
import { useT } from '../../i18n';
import { useApi } from '../../api/api';
import { useList } from '../../api/queries';
import { CrudPage } from '../../components/crud-page';
import { fieldError } from '../../components/form';
import type { Schema } from '../../lib/issues';
import { useNotify } from '../../components/notify';
import { WidgetSettingsEditor } from './widget-settings-editor';
import { SignInSection } from './sign-in-section';

type Draft = NewChatWidget;

/**
 * The form holds the sites as typed, one per line (blank lines too, so typing a new line works);
 * sent without blanks.
 */
const WidgetForm: Schema<Draft> = {
  safeParse: (draft) => {
    const d = draft as Draft;
    return NewChatWidget.safeParse({ ...d, allowedSites: d.allowedSites.map((l) => l.trim()).filter(Boolean) });
  },
};

/** The first problem with any of the sites, from the form or the server (paths such as `allowedSites.1`). */
const sitesError = (errors: Record<string, string>) =>
  Object.entries(errors).find(([k]) => k === 'allowedSites' || k.startsWith('allowedSites.'))?.[1];
/** A widget as the shared list shows it: its title is its name. */
type Row = ChatWidget & { name: string };

const useStyles = makeStyles({
  muted: { color: tokens.colorNeutralForeground3 },
  id: { fontFamily: tokens.fontFamilyMonospace },
  snippet: {
    margin: 0,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    backgroundColor: tokens.colorNeutralBackground3,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    whiteSpace: 'pre-wrap',
    wordBreak: 'break-all',
    userSelect: 'all',
  },
  embed: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  copy: { alignSelf: 'flex-start' },
});

/** The tag a site owner pastes into their pages to show the widget. */
export function embedSnippet(origin: string, widgetId: string) {
  return `<script src="${origin}/widget/loader.js" data-widget-id="${widgetId}" async></script>`;
}

export function WidgetsPage() {
  const styles = useStyles();
  const { t } = useT();
  const call = useApi();
  const widgets = useList('listChatWidgets');
  const workstreams = useList('listWorkstreams');
  const workstreamName = (id: string) => workstreams.data?.find((w) => w.id === id)?.name ?? '…';

  return (
    <CrudPage<Row, Draft>
      testId="widget"
      title={t('widgets.title')}
      description={t('widgets.description')}
      newLabel={t('widgets.new')}
      emptyText={t('widgets.empty')}
      items={widgets.data?.map((w) => ({ ...w, name: w.title }))}
      error={widgets.error}
      columns={[
        { header: t('widgets.titleLabel'), cell: (w) => w.title },
        {
          header: t('widgets.workstream'),
          cell: (w) => workstreamName(w.workstreamId),
          testId: 'widget-workstream-name',
        },
        { header: t('widgets.widgetId'), cell: (w) => <span className={styles.id}>{w.id}</span>, testId: 'widget-id' },
        {
          header: t('widgets.sites'),
          cell: (w) => (w.allowedSites.length ? w.allowedSites.join(', ') : t('widgets.anySite')),
          testId: 'widget-sites',
        },
      ]}
      rowData={(w) => ({ 'data-id': w.id, 'data-title': w.title })}
      schema={WidgetForm}
      blank={() => ({ title: '', workstreamId: '', allowedSites: [] })}
      toDraft={({ title, workstreamId, allowedSites }) => ({ title, workstreamId, allowedSites })}
      renderForm={(draft, setDraft, errors, item) => (
        <>
          <Field
            label={t('widgets.titleLabel')}
            required
            hint={t('widgets.titleHint')}
            {...fieldError(errors, 'title')}
          >
            <Input
              data-testid="widget-title"
              value={draft.title}
              maxLength={80}
              onChange={(_, d) => setDraft((w) => ({ ...w, title: d.value }))}
            />
          </Field>
          <Field
            label={t('widgets.workstream')}
            required
            hint={workstreams.data?.length === 0 ? t('widgets.noWorkstreams') : t('widgets.workstreamHint')}
            {...fieldError(errors, 'workstreamId')}
          >
            <Select
              data-testid="widget-workstream"
              value={draft.workstreamId}
              onChange={(_, d) => setDraft((w) => ({ ...w, workstreamId: d.value }))}
            >
              <option value="">{t('widgets.chooseWorkstream')}</option>
              {workstreams.data?.map((w) => (
                <option key={w.id} value={w.id}>
                  {w.name}
                </option>
              ))}
            </Select>
          </Field>
          <Field
            label={t('widgets.sites')}
            hint={t('widgets.sitesHint')}
            {...fieldError({ allowedSites: sitesError(errors) ?? '' }, 'allowedSites')}
          >
            <Textarea
              data-testid="widget-sites-input"
              resize="vertical"
              placeholder="https://shop.example"
              value={draft.allowedSites.join('\n')}
              onChange={(_, d) => setDraft((w) => ({ ...w, allowedSites: d.value === '' ? [] : d.value.split('\n') }))}
            />
          </Field>
          {item && <EmbedSnippet widgetId={item.id} />}
          {item && <WidgetSettingsEditor widgetId={item.id} />}
          {item && <SignInSection widgetId={item.id} />}
        </>
      )}
      create={(body) => call('createChatWidget', { body })}
      update={(widgetId, body) => call('updateChatWidget', { params: { widgetId }, body })}
      remove={(widgetId) => call('deleteChatWidget', { params: { widgetId } })}
    />
  );
}

/** The embed tag of one widget, read-only, with a copy button. */
function EmbedSnippet({ widgetId }: { widgetId: string }) {
  const styles = useStyles();
  const { t } = useT();
  const notify = useNotify();
  const snippet = embedSnippet(window.location.origin, widgetId);

  async function copy() {
    try {
      await navigator.clipboard.writeText(snippet);
      notify.success(t('widgets.copied'));
    } catch {
      // No clipboard (an insecure page, a refused permission): the code can still be selected by hand.
    }
  }

  return (
    <div className={styles.embed}>
      <Text weight="semibold">{t('widgets.embed')}</Text>
      <pre className={styles.snippet} data-testid="widget-snippet">
        <code>{snippet}</code>
      </pre>
      <Text size={200} className={styles.muted}>
        {t('widgets.embedHint')}
      </Text>
      <Button size="small" className={styles.copy} data-testid="widget-copy" onClick={() => void copy()}>
        {t('widgets.copy')}
      </Button>
    </div>
  );
}
