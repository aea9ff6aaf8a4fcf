import type { macrosEn } from './macros-en';

export const macrosFr: typeof macrosEn = {
  macros: {
    title: 'Macros',
    description:
      'Des étapes que le système exécute dans l’ordre quand un agent lance la macro dans une conversation. ' +
      'Les textes ' +
      'peuvent contenir des espaces réservés : {customer.name}, {customer.email}, {conversation.id}, ' +
      '{context.<variable>}, {case.id}, {case.number}, {steps.<id d’étape>.caseId}. Une étape en échec arrête la ' +
      'macro ; les étapes précédentes restent faites.',
    new: 'Nouvelle macro',
    empty: 'Aucune macro.',
    steps: 'Étapes',
    kind: 'Type',
    ownText: 'Un texte à moi',
    placeholderHint: 'Les espaces réservés comme {customer.name} sont remplis quand la macro s’exécute.',
    kinds: {
      createCase: 'Créer un dossier',
      openRecord: 'Ouvrir une fiche',
      linkRecord: 'Lier une fiche',
      unlinkRecord: 'Délier une fiche',
      searchKnowledge: 'Chercher dans la base de connaissances',
      sendQuickReply: 'Envoyer une réponse rapide',
      setField: 'Remplir un champ',
      resolveCase: 'Résoudre un dossier',
    },
    fields: {
      title: 'Titre',
      priority: 'Priorité',
      product: 'Produit',
      description: 'Description',
      record: 'Fiche',
      ref: 'Id de la fiche ou espace réservé',
      phrase: 'Expression',
      quickReplyId: 'Réponse rapide',
      text: 'Texte',
      target: 'De',
      field: 'Champ',
      value: 'Valeur',
    },
  },
  scripts: {
    title: 'Scripts d’agent',
    description:
      'Des étapes que les agents suivent à côté d’une conversation : une consigne à cocher, une macro à lancer ou ' +
      'un autre script. Un script avec une règle est choisi quand la règle est vraie (ordre le plus bas d’abord) ; ' +
      'sinon le script sans règle du flux de travail.',
    new: 'Nouveau script',
    empty: 'Aucun script.',
    workstream: 'Flux de travail',
    workstreamHint: 'Tout flux : pour une règle valable partout, ou un script utilisé seulement comme sous-script.',
    anyWorkstream: 'Tout flux de travail',
    rule: 'Règle (facultative)',
    ruleHint:
      'Une condition de routage en JSON, p. ex. ' +
      '{"kind":"compare","field":"context.tier","operator":"equals","value":"vip"}.',
    order: 'Ordre',
    orderHint: 'Les règles sont essayées de la plus basse à la plus haute.',
    chosen: 'Choisi',
    byRule: 'Par règle (ordre {{order}})',
    default: 'Par défaut du flux',
    kinds: { text: 'Consigne', macro: 'Lancer une macro', script: 'Ouvrir un sous-script' },
  },
  steps: { add: 'Ajouter une étape', remove: 'Supprimer', up: 'Monter', down: 'Descendre' },
};
