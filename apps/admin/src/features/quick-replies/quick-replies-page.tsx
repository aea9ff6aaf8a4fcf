import type { QuickReply } from '@switchboard/protocol';
import { useT } from '../../i18n';
import { useApi } from '../../api/api';
import { useList } from '../../api/queries';
import { CrudPage } from '../../components/crud-page';
import {
  blankDraft,
  draftOf,
  languagesOf,
  QuickReplyFormSchema,
  toQuickReplyBody,
  type QuickReplyDraft,
} from './quick-reply-draft';
import { QuickReplyFields } from './quick-reply-fields';

type Row = QuickReply & { name: string };

/** Organisation quick replies (AG4): what every agent finds by typing "/" in the composer, in their language. */
export function QuickRepliesPage() {
  const { t } = useT();
  const call = useApi();
  const replies = useList('listQuickReplies');
  // The list holds the admin's own quick replies too: those are edited in the agent workspace.
  const items = replies.data?.filter((q) => q.scope === 'organisation').map((q): Row => ({ ...q, name: q.title }));

  return (
    <CrudPage<Row, QuickReplyDraft>
      testId="quick-reply"
      title={t('quickReplies.title')}
      description={t('quickReplies.description')}
      newLabel={t('quickReplies.new')}
      emptyText={t('quickReplies.empty')}
      items={items}
      error={replies.error}
      columns={[
        { header: t('quickReplies.name'), cell: (q) => q.title },
        {
          header: t('templates.languages'),
          cell: (q) =>
            languagesOf(q)
              .map((l) => t(`templates.languageNames.${l}`))
              .join(', '),
          testId: 'quick-reply-languages',
        },
      ]}
      rowData={(q) => ({ 'data-id': q.id, 'data-name': q.title, 'data-languages': languagesOf(q).join(' ') })}
      schema={QuickReplyFormSchema}
      blank={blankDraft}
      toDraft={draftOf}
      renderForm={(draft, setDraft, errors) => <QuickReplyFields draft={draft} setDraft={setDraft} errors={errors} />}
      create={(draft) => call('createOrgQuickReply', { body: toQuickReplyBody(draft) })}
      update={(id, draft) => call('updateOrgQuickReply', { params: { id }, body: toQuickReplyBody(draft) })}
      remove={(id) => call('deleteOrgQuickReply', { params: { id } })}
    />
  );
}
