import type { PostChatSurvey, PrechatSurvey } from '@switchboard/protocol';

export const DEMO_AFTER_HOURS_WIDGET_ID = 'demo-after-hours';

/**
 * The demo widget's settings (CH1): two optional questions (optional, so a newcomer can still chat
 * with only name, email and question) that become context variables, and the post-chat survey.
 */
export const DEMO_WIDGET_SETTINGS: { prechatSurvey: PrechatSurvey; postChatSurvey: PostChatSurvey } = {
  prechatSurvey: {
    questions: [
      {
        id: 'order',
        kind: 'single-line',
        required: false,
        label: {
          en: 'Order number (if any)',
          nl: 'Bestelnummer (indien bekend)',
          fr: 'Numéro de commande (le cas échéant)',
        },
        variable: 'orderNumber',
        options: [],
      },
      {
        id: 'topic',
        kind: 'option-set',
        required: false,
        label: { en: 'Topic', nl: 'Onderwerp', fr: 'Sujet' },
        variable: 'topic',
        options: ['Orders', 'Billing', 'Printers'],
      },
    ],
    identification: [],
  },
  postChatSurvey: { enabled: true },
};
