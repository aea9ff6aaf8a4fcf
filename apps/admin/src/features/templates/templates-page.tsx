import type { MessageTemplate } from '@switchboard/protocol';
import { useT } from '../../i18n';
import { useApi } from '../../api/api';
import { useList } from '../../api/queries';
import { CrudPage } from '../../components/crud-page';
import {
  blankDraft,
  draftOf,
  languagesOf,
  TemplateFormSchema,
  toTemplateBody,
  type TemplateDraft,
} from './template-draft';
import { TemplateFields } from './template-fields';

/** Message templates (CH6): what agents and supervisors send to customers, in each language it is written in. */
export function TemplatesPage() {
  const { t } = useT();
  const call = useApi();
  const templates = useList('listTemplates');

  return (
    <CrudPage<MessageTemplate, TemplateDraft>
      testId="template"
      title={t('templates.title')}
      description={t('templates.description')}
      newLabel={t('templates.new')}
      emptyText={t('templates.empty')}
      items={templates.data}
      error={templates.error}
      columns={[
        { header: t('templates.name'), cell: (m) => m.name },
        {
          header: t('templates.languages'),
          cell: (m) =>
            languagesOf(m)
              .map((l) => t(`templates.languageNames.${l}`))
              .join(', '),
          testId: 'template-languages',
        },
      ]}
      rowData={(m) => ({ 'data-id': m.id, 'data-name': m.name, 'data-languages': languagesOf(m).join(' ') })}
      schema={TemplateFormSchema}
      blank={blankDraft}
      toDraft={draftOf}
      renderForm={(draft, setDraft, errors) => <TemplateFields draft={draft} setDraft={setDraft} errors={errors} />}
      create={(draft) => call('createTemplate', { body: toTemplateBody(draft) })}
      update={(id, draft) => call('updateTemplate', { params: { id }, body: toTemplateBody(draft) })}
      remove={(id) => call('deleteTemplate', { params: { id } })}
    />
  );
}
