import { Dropdown, Field, Input, Option, Switch, Textarea } from '@fluentui/react-components';
import { KnowledgeArticleInput, KnowledgeLanguage, type KnowledgeArticle } from '@switchboard/protocol';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { z } from 'zod';
import { useApi } from '../../api/api';
import { CrudPage } from '../../components/crud-page';
import { fieldError } from '../../components/form';
import { useT } from '../../i18n';
import type { Schema } from '../../lib/issues';

type Row = KnowledgeArticle & { name: string };
const Draft = KnowledgeArticleInput.extend({ published: z.boolean() });
type Draft = z.input<typeof Draft>;
const ALL = 'all' as const;

/** Knowledge articles (AG9): written in en, nl or fr, found by agents once published, sent to customers. */
export function KnowledgePage() {
  const { t } = useT();
  const call = useApi();
  const [language, setLanguage] = useState<KnowledgeLanguage | typeof ALL>(ALL);
  const list = useQuery({
    queryKey: ['listKnowledgeArticles', language],
    queryFn: () => call('listKnowledgeArticles', { query: language === ALL ? {} : { language } }),
  });
  const items = list.data?.map((a): Row => ({ ...a, name: a.title }));
  const languageName = (l: KnowledgeLanguage) => t(`templates.languageNames.${l}`);

  async function save(id: string | null, d: Draft) {
    const body = { language: d.language, title: d.title, keywords: d.keywords ?? '', body: d.body };
    const saved = id
      ? await call('updateKnowledgeArticle', { params: { id }, body })
      : await call('createKnowledgeArticle', { body });
    if (d.published !== (saved.status === 'published'))
      await call(d.published ? 'publishKnowledgeArticle' : 'unpublishKnowledgeArticle', {
        params: { id: saved.id },
        body: {},
      });
    await list.refetch();
  }

  return (
    <>
      <Field label={t('knowledge.filter')}>
        <Dropdown
          data-testid="knowledge-language-filter"
          value={language === ALL ? t('knowledge.allLanguages') : languageName(language)}
          selectedOptions={[language]}
          onOptionSelect={(_e, d) => setLanguage(KnowledgeLanguage.safeParse(d.optionValue).data ?? ALL)}
        >
          <Option value={ALL}>{t('knowledge.allLanguages')}</Option>
          {KnowledgeLanguage.options.map((l) => (
            <Option key={l} value={l}>
              {languageName(l)}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <CrudPage<Row, Draft>
        testId="knowledge"
        title={t('knowledge.title')}
        description={t('knowledge.description')}
        newLabel={t('knowledge.new')}
        emptyText={t('knowledge.empty')}
        items={items}
        error={list.error}
        columns={[
          { header: t('knowledge.articleTitle'), cell: (a) => a.title },
          { header: t('knowledge.language'), cell: (a) => languageName(a.language) },
          {
            header: t('knowledge.status'),
            cell: (a) => (a.status === 'published' ? t('knowledge.published') : t('knowledge.draft')),
          },
        ]}
        rowData={(a) => ({ 'data-id': a.id, 'data-name': a.title, 'data-status': a.status })}
        schema={Draft as unknown as Schema<Draft>}
        blank={() => ({ language: 'en', title: '', keywords: '', body: '', published: false })}
        toDraft={(a) => ({ ...a, published: a.status === 'published' })}
        renderForm={(draft, setDraft, errors) => (
          <>
            <Field label={t('knowledge.language')}>
              <Dropdown
                value={languageName(draft.language)}
                selectedOptions={[draft.language]}
                onOptionSelect={(_e, d) =>
                  setDraft((x) => ({ ...x, language: KnowledgeLanguage.safeParse(d.optionValue).data ?? x.language }))
                }
              >
                {KnowledgeLanguage.options.map((l) => (
                  <Option key={l} value={l}>
                    {languageName(l)}
                  </Option>
                ))}
              </Dropdown>
            </Field>
            <Field label={t('knowledge.articleTitle')} required {...fieldError(errors, 'title')}>
              <Input
                data-testid="knowledge-title"
                value={draft.title}
                onChange={(_e, d) => setDraft((x) => ({ ...x, title: d.value }))}
              />
            </Field>
            <Field
              label={t('knowledge.keywords')}
              hint={t('knowledge.keywordsHint')}
              {...fieldError(errors, 'keywords')}
            >
              <Input
                value={draft.keywords ?? ''}
                onChange={(_e, d) => setDraft((x) => ({ ...x, keywords: d.value }))}
              />
            </Field>
            <Field label={t('knowledge.body')} hint={t('knowledge.bodyHint')} required {...fieldError(errors, 'body')}>
              <Textarea
                data-testid="knowledge-body"
                rows={12}
                value={draft.body}
                onChange={(_e, d) => setDraft((x) => ({ ...x, body: d.value }))}
              />
            </Field>
            <Switch
              data-testid="knowledge-published"
              label={t('knowledge.publish')}
              checked={draft.published}
              onChange={(_e, d) => setDraft((x) => ({ ...x, published: d.checked }))}
            />
          </>
        )}
        create={(d) => save(null, d)}
        update={(id, d) => save(id, d)}
        remove={async (id) => {
          await call('deleteKnowledgeArticle', { params: { id } });
          await list.refetch();
        }}
      />
    </>
  );
}
