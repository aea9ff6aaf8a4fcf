/** The macros and scripts pages (AG7, AG8), in English; nl and fr follow its keys. */
export const macrosEn = {
  macros: {
    title: 'Macros',
    description:
      'Steps the system runs in order when an agent runs the macro in a conversation. Texts may use ' +
      'placeholders: {customer.name}, {customer.email}, {conversation.id}, {context.<variable>}, ' +
      '{case.id}, {case.number}, {steps.<step id>.caseId}. A failing step stops the macro; earlier steps stay done.',
    new: 'New macro',
    empty: 'No macros yet.',
    steps: 'Steps',
    kind: 'Kind',
    ownText: 'A text of my own',
    placeholderHint: 'Placeholders such as {customer.name} are filled in when the macro runs.',
    kinds: {
      createCase: 'Create a case',
      openRecord: 'Open a record',
      linkRecord: 'Link a record',
      unlinkRecord: 'Unlink a record',
      searchKnowledge: 'Search knowledge',
      sendQuickReply: 'Send a quick reply',
      setField: 'Set a field',
      resolveCase: 'Resolve a case',
    },
    fields: {
      title: 'Title',
      priority: 'Priority',
      product: 'Product',
      description: 'Description',
      record: 'Record',
      ref: 'Record id or placeholder',
      phrase: 'Phrase',
      quickReplyId: 'Quick reply',
      text: 'Text',
      target: 'Of',
      field: 'Field',
      value: 'Value',
    },
  },
  scripts: {
    title: 'Agent scripts',
    description:
      'Steps agents follow beside a conversation: an instruction they tick off, a macro they run, or ' +
      'another script. A script with a rule is chosen when the rule holds (lowest order first); otherwise ' +
      "the workstream's script without a rule.",
    new: 'New script',
    empty: 'No scripts yet.',
    workstream: 'Workstream',
    workstreamHint: 'Any workstream: for a rule that applies everywhere, or a script used only as a sub-script.',
    anyWorkstream: 'Any workstream',
    rule: 'Rule (optional)',
    ruleHint:
      'A routing condition as JSON, e.g. {"kind":"compare","field":"context.tier","operator":"equals","value":"vip"}.',
    order: 'Order',
    orderHint: 'Rules are tried lowest first.',
    chosen: 'Chosen',
    byRule: 'By rule (order {{order}})',
    default: "Workstream's default",
    kinds: { text: 'Instruction', macro: 'Run a macro', script: 'Open a sub-script' },
  },
  steps: { add: 'Add a step', remove: 'Remove', up: 'Move up', down: 'Move down' },
};
