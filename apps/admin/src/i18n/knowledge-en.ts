/** The knowledge articles page (AG9), in English; nl and fr follow its keys. */
export const knowledgeEn = {
  knowledge: {
    title: 'Knowledge articles',
    description:
      'Articles agents search and send to customers, as a link to their public page or as text. ' +
      'Only published articles are found; each language is searched with its own word forms.',
    new: 'New article',
    empty: 'No articles yet.',
    filter: 'Show',
    allLanguages: 'All languages',
    articleTitle: 'Title',
    language: 'Language',
    status: 'Status',
    published: 'Published',
    draft: 'Draft',
    keywords: 'Keywords',
    keywordsHint: 'Words customers use that the text does not; they count more than the text in search.',
    body: 'Text',
    bodyHint: 'Plain text; a blank line starts a new paragraph.',
    publish: 'Published: agents find it and its link opens',
  },
};
