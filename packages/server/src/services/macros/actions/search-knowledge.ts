import type { ActionFactory } from './action-deps.js';

/** searchKnowledge: published articles matching the phrase, in the conversation's language when it has one. */
export const searchKnowledge: ActionFactory<'searchKnowledge'> =
  ({ conversation: c, searchKnowledge: search }) =>
  async (step) => {
    const language = c.locale === 'en' || c.locale === 'nl' || c.locale === 'fr' ? c.locale : undefined;
    let { hits } = await search(c.orgId, step.phrase, language);
    // Nothing in the customer's language: every language, each with its own stemming.
    if (hits.length === 0 && language) hits = (await search(c.orgId, step.phrase, undefined)).hits;
    return {
      ok: true,
      message: `${hits.length} knowledge article${hits.length === 1 ? '' : 's'} for "${step.phrase}"`,
      knowledge: hits,
    };
  };
