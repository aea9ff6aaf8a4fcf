import type { macrosEn } from './macros-en';

export const macrosNl: typeof macrosEn = {
  macros: {
    title: 'Macro’s',
    description:
      'Stappen die het systeem op volgorde uitvoert wanneer een agent de macro in een gesprek start. Teksten ' +
      'kunnen plaatshouders gebruiken: {customer.name}, {customer.email}, {conversation.id}, {context.<variabele>}, ' +
      '{case.id}, {case.number}, {steps.<stap-id>.caseId}. Een mislukte stap stopt de macro; eerdere stappen ' +
      'blijven gedaan.',
    new: 'Nieuwe macro',
    empty: 'Nog geen macro’s.',
    steps: 'Stappen',
    kind: 'Soort',
    ownText: 'Een eigen tekst',
    placeholderHint: 'Plaatshouders zoals {customer.name} worden ingevuld wanneer de macro loopt.',
    kinds: {
      createCase: 'Een zaak aanmaken',
      openRecord: 'Een record openen',
      linkRecord: 'Een record koppelen',
      unlinkRecord: 'Een record ontkoppelen',
      searchKnowledge: 'Kennis zoeken',
      sendQuickReply: 'Een snel antwoord sturen',
      setField: 'Een veld invullen',
      resolveCase: 'Een zaak oplossen',
    },
    fields: {
      title: 'Titel',
      priority: 'Prioriteit',
      product: 'Product',
      description: 'Beschrijving',
      record: 'Record',
      ref: 'Record-id of plaatshouder',
      phrase: 'Zoektekst',
      quickReplyId: 'Snel antwoord',
      text: 'Tekst',
      target: 'Van',
      field: 'Veld',
      value: 'Waarde',
    },
  },
  scripts: {
    title: 'Agentscripts',
    description:
      'Stappen die agents naast een gesprek volgen: een instructie die ze afvinken, een macro die ze starten, of ' +
      'een ander script. Een script met een regel wordt gekozen als de regel klopt (laagste volgorde eerst); ' +
      'anders het script van de werkstroom zonder regel.',
    new: 'Nieuw script',
    empty: 'Nog geen scripts.',
    workstream: 'Werkstroom',
    workstreamHint: 'Elke werkstroom: voor een regel die overal geldt, of een script dat alleen als subscript dient.',
    anyWorkstream: 'Elke werkstroom',
    rule: 'Regel (optioneel)',
    ruleHint:
      'Een routeringsvoorwaarde als JSON, bv. ' +
      '{"kind":"compare","field":"context.tier","operator":"equals","value":"vip"}.',
    order: 'Volgorde',
    orderHint: 'Regels worden van laag naar hoog geprobeerd.',
    chosen: 'Gekozen',
    byRule: 'Via regel (volgorde {{order}})',
    default: 'Standaard van de werkstroom',
    kinds: { text: 'Instructie', macro: 'Een macro starten', script: 'Een subscript openen' },
  },
  steps: { add: 'Stap toevoegen', remove: 'Verwijderen', up: 'Omhoog', down: 'Omlaag' },
};
