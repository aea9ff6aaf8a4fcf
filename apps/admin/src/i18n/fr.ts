import { LOGIN_STRINGS } from '@switchboard/web';
import { macrosFr } from './macros-fr';
import { knowledgeFr } from './knowledge-fr';
import type { Translation } from './en';

export const fr: Translation = {
  app: {
    name: 'Switchboard',
    adminCenter: 'Centre d’administration',
  },
  login: LOGIN_STRINGS.fr,
  ...macrosFr,
  ...knowledgeFr,
  adminsOnly: {
    title: 'Réservé aux administrateurs',
    body:
      'Vous êtes connecté en tant que {{name}} ({{role}}). Le centre d’administration est réservé aux ' +
      'administrateurs.',
    agentHint: 'Vos conversations sont dans l’espace agent, à /agent/.',
    supervisorHint: 'Demandez à un administrateur si la configuration du routage doit changer.',
  },
  header: {
    language: 'Langue',
    signOut: 'Se déconnecter',
  },
  nav: {
    label: 'Pages du centre d’administration',
    workstreams: 'Flux de travail',
    widgets: 'Widgets de chat',
    channels: 'Canaux',
    templates: 'Modèles de message',
    'automated-messages': 'Messages automatiques',
    'notification-templates': 'Notifications des agents',
    'quick-replies': 'Réponses rapides',
    knowledge: 'Articles de connaissances',
    macros: 'Macros',
    scripts: 'Scripts d’agent',
    'disposition-codes': 'Codes de qualification',
    queues: 'Files d’attente',
    'operating-hours': 'Horaires d’ouverture',
    skills: 'Compétences',
    'capacity-profiles': 'Profils de capacité',
    presences: 'Présences',
    users: 'Utilisateurs',
    settings: 'Paramètres',
    'import-export': 'Import / export',
    'records-import': 'Importer des fiches',
    trace: 'Trace de routage',
  },
  roles: {
    agent: 'Agent',
    supervisor: 'Superviseur',
    admin: 'Administrateur',
    api: 'Client API',
  },
  presence: {
    available: 'Disponible',
    busy: 'Occupé',
    'busy-dnd': 'Occupé – ne pas déranger',
    away: 'Absent',
    offline: 'Hors ligne',
  },
  state: {
    open: 'Ouverte',
    active: 'Active',
    waiting: 'En attente',
    'wrap-up': 'Clôture',
    closed: 'Fermée',
  },
  units: {
    s: 's',
    min: 'min',
  },
  common: {
    name: 'Nom',
    actions: 'Actions',
    edit: 'Modifier',
    editNamed: 'Modifier {{name}}',
    delete: 'Supprimer',
    remove: 'Retirer',
    save: 'Enregistrer',
    saving: 'Enregistrement…',
    cancel: 'Annuler',
    close: 'Fermer',
    back: 'Retour',
    yes: 'Oui',
    no: 'Non',
    moveUp: 'Monter',
    moveDown: 'Descendre',
    loading: 'Chargement…',
    loadFailed: 'Chargement impossible : {{message}}',
    notFound: 'Cet élément n’existe pas (ou plus).',
  },
  form: {
    saved: 'Enregistré. La modification s’applique immédiatement.',
    created: 'Créé.',
    saveFailed: 'Non enregistré',
    invalid_one: '{{count}} problème : corrigez le champ signalé en rouge.',
    invalid_other: '{{count}} problèmes : corrigez les champs signalés en rouge.',
  },
  delete: {
    title: 'Supprimer {{name}} ?',
    question: '« {{name}} » sera supprimé. Cette action est irréversible.',
    done: '« {{name}} » supprimé.',
    failed: 'Non supprimé',
  },
  validation: {
    required: 'Obligatoire.',
    minLength: 'Au moins {{min}} caractères.',
    maxLength: 'Au plus {{max}} caractères.',
    min: 'Au moins {{min}}.',
    max: 'Au plus {{max}}.',
    atLeast_one: 'Ajoutez-en au moins un.',
    atLeast_other: 'Ajoutez-en au moins {{count}}.',
    atMost_one: 'Un au plus.',
    atMost_other: '{{count}} au plus.',
    number: 'Saisissez un nombre.',
    integer: 'Saisissez un nombre entier.',
    choose: 'Faites un choix.',
    date: 'Saisissez une date (AAAA-MM-JJ).',
    time: 'Saisissez une heure au format HH:MM (00:00 à 24:00).',
    field: 'Saisissez un nom de champ : lettres, chiffres, _ ou -.',
    format: 'Cette valeur n’a pas le bon format.',
    timeZone: 'Fuseau horaire inconnu.',
    periodOrder: 'Une période doit finir après son début.',
    listNeeded: 'Ajoutez une ou plusieurs valeurs.',
    valueNeeded: 'Saisissez une valeur.',
    oneOutput: 'Une règle doit définir au moins un élément : compétences, priorité, gravité ou profil de capacité.',
    percentages: 'La somme des pourcentages doit être 100.',
    site: 'Écrivez un site comme https://shop.example ou http://localhost:8080, sans chemin.',
    siteTwice: 'Chaque site n’est listé qu’une fois.',
    port: 'Un port vaut au plus 65535.',
    oneLanguage: 'Rédigez le modèle dans au moins une langue.',
    oneLanguageQuickReply: 'Rédigez la réponse rapide dans au moins une langue.',
  },
  workstreams: {
    title: 'Flux de travail',
    description:
      'Un flux de travail regroupe le travail d’un même type : son canal, son mode de distribution, la capacité ' +
      'qu’il consomme et les règles qui le classent et l’envoient vers une file.',
    editorDescription:
      'Les modifications s’appliquent aux nouvelles décisions de routage moins d’une seconde après l’enregistrement.',
    new: 'Nouveau flux de travail',
    empty: 'Aucun flux de travail pour l’instant.',
    channel: 'Canal',
    channelHint:
      'Messagerie : chat, SMS et réseaux sociaux. Voix : appels. Enregistrements : incidents et autres ' +
      'enregistrements.',
    channels: { messaging: 'Messagerie', voice: 'Voix', records: 'Enregistrements' },
    distribution: 'Distribution',
    distributions: { push: 'Push', pick: 'Au choix' },
    distributionHint:
      'Push propose chaque conversation à un agent avec une alerte. Au choix, les agents prennent les éléments dans ' +
      'leur liste de travail ouvert. L’affinité et les bots exigent push.',
    distributionChangeHint:
      'Push propose chaque conversation à un agent ; au choix, les agents la prennent. Le changement vaut pour les ' +
      'nouvelles conversations.',
    fallbackQueue: 'File de secours',
    fallbackHint:
      'Reçoit toute conversation qu’aucune règle ne capte, ou quand une règle échoue. Ses règles de débordement ' +
      'sont ignorées.',
    rules: 'Règles',
    ruleCounts: '{{rulesets}} ensembles de classification · {{routes}} règles vers une file',
    editRules: 'Règles',
    tabs: { settings: 'Paramètres', rules: 'Règles' },
    sections: { general: 'Général', capacity: 'Capacité', assignment: 'Attribution' },
    capacityHelp:
      'Ce qu’une conversation de ce flux coûte à un agent. Utilisez un seul modèle dans toute l’organisation : ' +
      'unités ou profils.',
    capacityUnits: 'Unités',
    capacityProfiles: 'Profils de capacité',
    units: 'Unités par conversation',
    unitsHint: 'Un agent de capacité 3 et un flux à 1 unité prend trois conversations à la fois.',
    profiles: 'Profils',
    profilesHint:
      'L’agent doit avoir de la place dans chaque profil choisi ; la conversation en consomme un élément dans chacun.',
    noProfiles: 'Créez d’abord des profils de capacité.',
    wrapUp: 'Bloquer la capacité pendant la clôture',
    wrapUpHint:
      'Pendant la clôture, la conversation peut garder sa capacité (toujours), la libérer aussitôt (jamais) ou la ' +
      'libérer après un délai.',
    wrapUpKinds: { always: 'Toujours', never: 'Jamais', 'release-after': 'Libérer après' },
    wrapUpSeconds: 'Secondes avant la libération de la capacité',
    allowedPresences: 'Présences autorisées',
    allowedPresencesHint:
      'Les conversations ne sont proposées qu’aux agents dans l’une de ces présences. Une présence personnalisée ' +
      'compte comme sa présence de base.',
    skillMatching: 'Correspondance des compétences',
    skillMatchings: { exact: 'Correspondance exacte', closest: 'Correspondance la plus proche', none: 'Aucune' },
    skillMatchingHints: {
      exact: 'Seuls les agents ayant chaque compétence requise au niveau requis ou plus.',
      closest:
        'Agents classés selon leur proximité : exacts, puis surqualifiés, puis sous-qualifiés. Quelqu’un la reçoit ' +
        'toujours.',
      none: 'Les compétences de la classification sont ignorées pour choisir l’agent.',
    },
    offerTimeout: 'Délai de l’offre',
    offerTimeoutHint:
      'Une offre sans réponse à temps compte comme un refus et passe à un autre agent. Vide : valeur par défaut du ' +
      'serveur.',
    maxDeclines: 'Refus par agent',
    maxDeclinesHint: 'Après autant de refus ou d’expirations, la conversation n’est plus proposée au même agent.',
    autoClose: 'Fermer après inactivité',
    autoCloseHint: 'Une conversation en attente sans activité pendant ce nombre de minutes est fermée. Vide : jamais.',
    reopenWindow: 'Délai de réouverture',
    reopenWindowHint:
      'SMS et autres canaux asynchrones : un message reçu dans ce délai après la fermeture rouvre la conversation. ' +
      'Vide : jamais.',
    affinity: 'Garder le même agent',
    affinityHint:
      'Une conversation qui revient (SMS, réseaux sociaux, chat persistant) retourne à l’agent qui l’avait, quelle ' +
      'que soit sa capacité ou sa présence.',
  },
  rules: {
    classificationTitle: 'Ensembles de règles de classification',
    classificationHelp:
      'Les ensembles s’exécutent dans l’ordre. Dans chacun, les règles sont essayées dans l’ordre et la première ' +
      'qui correspond définit ses résultats ; les ensembles suivants peuvent les utiliser (output.priority …).',
    routeTitle: 'Règles vers une file',
    routeHelp:
      'Essayées dans l’ordre : la première règle qui correspond et dont la file ne déborde pas choisit la file. Une ' +
      'règle peut répartir ses conversations sur cinq files au plus, par pourcentage.',
    fallbackNote: 'Les conversations qu’aucune règle ne capte vont dans la file de secours : {{queue}}.',
    noRulesets: 'Aucun ensemble de classification : les conversations n’ont ni compétences, ni priorité, ni gravité.',
    noRules: 'Aucune règle dans cet ensemble.',
    noRouteRules: 'Aucune règle vers une file : toute conversation va dans la file de secours.',
    addRuleset: 'Ajouter un ensemble',
    addRule: 'Ajouter une règle',
    addRouteRule: 'Ajouter une règle vers une file',
    rulesetName: 'Nom de l’ensemble',
    ruleName: 'Nom de la règle',
    when: 'Si',
    then: 'Alors définir',
    outputsHint: 'Au moins un de : compétences requises avec niveau, priorité, gravité, profil de capacité.',
    sendTo: 'Envoyer vers',
    oneQueue: 'Une file',
    splitQueues: 'Répartir sur plusieurs files',
    queue: 'File',
    chooseQueue: 'Choisissez une file…',
    percentage: 'Pourcentage',
    addShare: 'Ajouter une file',
    total: 'Total {{total}} % (doit faire 100 %)',
    skill: 'Compétence',
    chooseSkill: 'Choisissez une compétence…',
    proficiency: 'Niveau (1-10)',
    addSkill: 'Ajouter une compétence requise',
    priority: 'Priorité',
    priorityHint: 'Plus bas = plus urgent. Vide : non définie.',
    severity: 'Gravité',
    severities: { low: 'Faible', normal: 'Normale', high: 'Élevée', critical: 'Critique' },
    capacityProfile: 'Profil de capacité',
    notSet: 'Non défini',
  },
  conditions: {
    always: 'Toujours : correspond à toute conversation.',
    add: 'Ajouter une condition',
    addGroup: 'Ajouter un groupe',
    mode: 'Groupe',
    all: 'Toutes (ET)',
    any: 'Au moins une (OU)',
    and: 'et',
    or: 'ou',
    scope: 'Source',
    scopes: {
      context: 'Contexte',
      prechat: 'Pré-chat',
      channel: 'Canal',
      contact: 'Contact',
      account: 'Compte',
      output: 'Résultat',
    },
    fieldName: 'Nom du champ',
    fieldPlaceholder: 'p. ex. tier',
    operator: 'Opérateur',
    operators: {
      equals: 'est égal à',
      'not-equals': 'est différent de',
      contains: 'contient',
      in: 'est l’un de',
      'greater-than': 'est supérieur à',
      'less-than': 'est inférieur à',
      exists: 'a une valeur',
      'not-exists': 'n’a pas de valeur',
    },
    value: 'Valeur',
    values: 'Valeurs',
    addValue: 'Saisissez une valeur, puis Entrée',
  },
  widgets: {
    title: 'Widgets de chat',
    description:
      'La fenêtre de chat de votre site. Chaque widget a un code d’intégration à coller dans vos pages, et un flux ' +
      'de travail qui décide du routage de ses conversations.',
    new: 'Nouveau widget de chat',
    empty: 'Aucun widget de chat pour l’instant.',
    titleLabel: 'Titre',
    titleHint: 'Affiché en haut de la fenêtre de chat.',
    workstream: 'Flux de travail',
    workstreamHint:
      'Décide du routage des conversations ouvertes dans ce widget. Une modification s’applique aux nouvelles ' +
      'conversations.',
    chooseWorkstream: 'Choisissez un flux de travail…',
    noWorkstreams: 'Créez d’abord un flux de travail.',
    widgetId: 'Identifiant du widget',
    embed: 'Code d’intégration',
    embedHint:
      'Collez-le dans chaque page qui doit afficher le chat, juste avant </body>. L’identifiant du widget ne change ' +
      'jamais.',
    copy: 'Copier',
    copied: 'Code d’intégration copié.',
    sites: 'Sites autorisés',
    sitesHint:
      'Un site par ligne, par exemple https://shop.example. Seuls ces sites peuvent afficher le widget et utiliser ' +
      'son chat. Laissez vide pour autoriser tout site.',
    anySite: 'Tout site',
  },
  widgetSignIn: {
    title: 'Connexion (chat authentifié)',
    description:
      'Quand le site connecte ses clients, le widget envoie le jeton du site (un JWT signé RS256) et ' +
      "l'agent voit qui est le client. Un chat sans jeton ou avec un jeton invalide ne démarre pas.",
    off: 'Désactivée : tout le monde peut discuter',
    pem: 'Une clé publique (PEM)',
    jwks: 'Une URL de clés (JSON Web Key Set, clé choisie par kid)',
    issuer: 'Émetteur (iss)',
    issuerHint: "L'iss du jeton doit être exactement celui-ci, par exemple https://shop.example.",
    publicKey: 'Clé publique',
    publicKeyHint: 'La clé publique RSA (2048 bits ou plus) qui vérifie les jetons, en PEM.',
    keyUrl: 'URL des clés',
    keyUrlHint: 'Une adresse https qui sert les clés du site en JWKS ; le serveur les récupère et les garde en cache.',
    save: 'Enregistrer la connexion',
  },
  widgetSettings: {
    title: 'Apparence, enquêtes et horaires',
    description:
      "L'apparence de la fenêtre de chat et ce qu'elle demande, par langue ; enregistré à part des champs ci-dessus.",
    save: "Enregistrer l'apparence, les enquêtes et les horaires",
    appearance: 'Apparence',
    primaryColor: 'Couleur principale',
    textColor: 'Couleur du texte dessus',
    logoUrl: 'URL du logo',
    logoHint: "Une adresse https:// d'image.",
    theme: 'Thème',
    light: 'Clair',
    dark: 'Sombre',
    auto: "Comme l'appareil du visiteur",
    previewTitle: 'Discutez avec nous',
    language: 'Textes en',
    textTitle: 'Titre',
    greeting: 'Accueil',
    offlineMessage: 'Message hors ligne',
    prechat: 'Enquête avant le chat',
    prechatHint:
      "Le nom, l'e-mail et la question sont toujours demandés. Ajoutez jusqu'à 10 questions ; chaque réponse " +
      'devient une variable de contexte.',
    kind: 'Type de réponse',
    kinds: {
      'single-line': 'Une ligne',
      'multi-line': 'Plusieurs lignes',
      'option-set': 'Liste de choix',
      consent: 'Consentement',
    },
    variable: 'Variable de contexte',
    required: 'Obligatoire',
    label: 'Question',
    options: 'Choix',
    optionsHint: 'Séparés par ;',
    addQuestion: 'Ajouter une question',
    removeQuestion: 'Supprimer',
    identification: "Champs d'identification",
    identificationHint:
      'Les réponses qui identifient le client : si chacune correspond à exactement un enregistrement, le chat ' +
      'y est lié.',
    fields: {
      'contact-email': 'E-mail du contact',
      'contact-phone': 'Téléphone du contact',
      'contact-name': 'Nom du contact',
      'account-name': 'Nom du compte',
      'account-email': 'E-mail du compte',
      'account-phone': 'Téléphone du compte',
    },
    notUsed: 'Non utilisé',
    builtInName: 'Nom (standard)',
    builtInEmail: 'E-mail (standard)',
    availability: 'Horaires et enquête après le chat',
    hours: "Heures d'ouverture",
    hoursHint: 'En dehors, le widget affiche le message hors ligne et un formulaire pour laisser un message.',
    alwaysOpen: 'Toujours ouvert',
    postChat: 'Enquête après le chat',
    postChatHint: 'Après le chat, le client donne une note de 1 à 5 et peut ajouter un commentaire.',
  },
  channels: {
    title: 'Canaux SMS',
    description:
      'Les numéros auxquels vos clients écrivent. Chaque canal passe par un fournisseur et mène à un flux de travail.',
    new: 'Nouveau canal',
    empty: 'Aucun canal pour l’instant.',
    name: 'Nom',
    nameHint: 'Pour vous et votre équipe ; les clients ne le voient jamais.',
    provider: 'Fournisseur',
    providerHint: 'Ne change plus une fois le canal créé.',
    providers: {
      twilio: 'Twilio',
      telesign: 'TeleSign',
      acs: 'Azure Communication Services',
      custom: 'Personnalisé (votre programme)',
    },
    numbers: 'Numéros',
    workstream: 'Flux de travail',
    workstreamHint:
      'Route les conversations ouvertes sur ce canal. Une modification s’applique aux nouvelles conversations.',
    chooseWorkstream: 'Choisissez un flux de travail…',
    noWorkstreams: 'Créez d’abord un flux de travail.',
    webhookUrl: 'URL du webhook',
    copy: 'Copier',
    copied: 'URL du webhook copiée.',
    webhookPaste: 'Collez-la dans la console du fournisseur.',
    webhookHint: {
      twilio: 'Twilio : le webhook « A message comes in » du numéro ou du messaging service.',
      telesign: 'TeleSign : l’URL de rappel des messages entrants (MO) et des accusés de livraison.',
      acs: 'Azure : un abonnement Event Grid de type Web Hook pour SMS Received et SMS Delivery Report.',
      custom: 'Votre programme : l’URL où il publie les messages entrants et les statuts de livraison.',
    },
    secrets: 'Identifiants',
    secretState: '{{field}} : {{state}}',
    secretSet: 'renseigné',
    secretUnset: 'non renseigné',
    keepSecret: 'Laissez vide pour garder la valeur enregistrée',
    validate: 'Vérifier la clé API',
    apiBaseUrl: 'URL de base de l’API',
    custom: {
      sharedSecret: 'Secret partagé',
      sharedSecretHint:
        'Au moins 32 caractères imprimables, sans espace (par ex. openssl rand -hex 32). Donnez la même valeur à ' +
        'votre programme : les deux côtés signent avec.',
      outboundUrl: 'URL sortante',
      outboundUrlHint: 'Où votre programme reçoit les réponses : chacune y est envoyée (POST), signée.',
      addresses: 'Adresses',
      addressesHint:
        'Une par ligne : les adresses propres du canal (un numéro, un identifiant de bot). La première envoie les ' +
        'réponses.',
      addressKind: 'Type d’adresses',
      addressKindHint:
        'Les numéros de téléphone sont gardés au format E.164 (+33612345678) ; les autres adresses telles qu’écrites.',
      opaque: 'Adresses propres à votre programme (par défaut)',
      phone: 'Numéros de téléphone',
    },
    twilio: {
      accountSid: 'Account SID',
      accountSidHint: 'AC suivi de 32 chiffres hexadécimaux, sur le tableau de bord de la console Twilio.',
      authToken: 'Jeton d’authentification',
      authTokenHint: 'À côté de l’Account SID. Il vérifie aussi la signature de chaque webhook.',
      numbersHint: 'Un par ligne : numéros longs avec l’indicatif du pays (+33612345678) et numéros courts.',
      messagingServiceSid: 'SID du messaging service',
      messagingServiceSidHint: 'Facultatif. MG suivi de 32 chiffres hexadécimaux : Twilio choisit alors l’expéditeur.',
      apiBaseUrlHint:
        'Vide : https://api.twilio.com ; renseignez-la pour un point d’accès régional ou un simulateur local.',
    },
    telesign: {
      customerId: 'ID client',
      customerIdHint: 'Dans le portail TeleSign, à côté de la clé API.',
      apiKey: 'Clé API',
      apiKeyHint: 'Copiez-la en entier depuis le portail TeleSign.',
      numbersHint: 'Un par ligne, avec l’indicatif du pays ; les chiffres sans + sont acceptés (33612345678).',
      messageType: 'Type de message',
      messageTypeHint: 'Le type de trafic déclaré à TeleSign pour les réponses.',
      arn: 'ARN : alertes et notifications (par défaut)',
      mkt: 'MKT : marketing',
      otp: 'OTP : codes à usage unique',
      apiBaseUrlHint: 'Laissez vide pour l’API de TeleSign ; renseignez-la pour un simulateur local.',
    },
    acs: {
      connectionString: 'Chaîne de connexion',
      connectionStringHint: 'Sur la page Clés de la ressource : endpoint=https://…;accesskey=…',
      webhookSecret: 'Secret du webhook',
      webhookSecretHint: 'Facultatif : généré s’il est vide. Au moins 24 caractères ; il protège l’URL du webhook.',
      numbersHint: 'Un par ligne, avec l’indicatif du pays (+18445550100). Le premier est l’expéditeur par défaut.',
      apiBaseUrlHint:
        'Vide : le point d’accès de la chaîne de connexion ; renseignez-la pour un proxy ou un simulateur local.',
    },
  },
  validateKey: {
    title: 'Vérifier la clé API de {{name}}',
    intro: 'TeleSign envoie un SMS de test à ce numéro et indique s’il accepte la clé.',
    phone: 'Numéro de téléphone',
    phoneHint: 'Des chiffres avec l’indicatif du pays et sans +, par exemple 33612345678.',
    invalidPhone: 'Écrivez des chiffres avec l’indicatif du pays et sans +, par exemple 33612345678.',
    send: 'Envoyer un SMS de test',
    sending: 'Envoi…',
    ok: 'TeleSign accepte la clé',
    failed: 'TeleSign refuse',
    code: 'Code {{code}} : {{description}}',
    error: 'Vérification impossible',
  },
  outbox: {
    title: 'Réponses non distribuées',
    description:
      'Réponses refusées par le fournisseur. Les mortes ne sont plus retentées : corrigez la cause, puis renvoyez-les.',
    dead: 'Non distribuées',
    retrying: 'En cours de nouvel essai',
    emptyDead: 'Toutes les réponses sont parties.',
    emptyRetrying: 'Aucune réponse n’attend de nouvel essai.',
    to: 'Destinataire',
    text: 'Texte',
    channel: 'Canal',
    attempts: 'Tentatives',
    lastError: 'Dernière erreur',
    updated: 'Mise à jour',
    sendAgain: 'Renvoyer',
    sentAgain: 'La réponse à {{to}} repart.',
    retryFailed: 'Non renvoyée',
  },
  templates: {
    title: 'Modèles de message',
    description:
      'Textes SMS que les agents et superviseurs envoient aux clients. Les champs comme {customerName} sont remplis.',
    new: 'Nouveau modèle',
    empty: 'Aucun modèle pour l’instant.',
    name: 'Nom',
    nameHint: 'Les agents choisissent le modèle par ce nom ; les clients ne le voient jamais.',
    languages: 'Langues',
    languageNames: { en: 'Anglais', nl: 'Néerlandais', fr: 'Français' },
    textHint: 'Laissez une langue vide si le modèle n’y est pas rédigé. Rédigez-en au moins une.',
    insertInto: 'Insérer dans le texte ({{language}}) :',
    placeholders: {
      customerName: 'Le nom du client',
      agentName: 'Le nom de la personne qui l’envoie',
      orgName: 'Le nom de votre organisation',
      channelNumber: 'Le numéro d’où il part',
    },
    preview: 'Aperçu ({{language}})',
    previewEmpty: 'Rien n’est encore rédigé dans cette langue.',
    previewHint: 'Avec des valeurs d’exemple. À l’envoi, chaque destinataire reçoit les siennes.',
  },
  dispositionCodes: {
    title: 'Codes de qualification',
    description:
      'Ce à quoi une conversation a abouti, tel que les agents l’indiquent à la clôture, avec leur note de synthèse. ' +
      'Un code que portent des conversations ne peut pas être supprimé : retirez-le, les agents ne le voient plus.',
    new: 'Nouveau code de qualification',
    empty: 'Aucun code de qualification pour l’instant.',
    nameHint: 'Tel que les agents le voient à la clôture, par exemple Résolu ou Suivi nécessaire.',
    status: 'Statut',
    active: 'Proposé',
    retired: 'Retiré',
    offered: 'Proposé dans le formulaire de clôture',
    activeHint:
      'Désactivé : retiré. Les conversations qui le portent le gardent ; les agents ne peuvent plus le choisir.',
  },
  quickReplies: {
    title: 'Réponses rapides',
    description:
      'Réponses que les agents insèrent dans une conversation en tapant « / » et le titre. Chaque agent reçoit le ' +
      'texte dans sa langue ; les champs comme {customerName} sont remplis. Les agents ont aussi les leurs.',
    new: 'Nouvelle réponse rapide',
    empty: 'Aucune réponse rapide pour l’instant.',
    name: 'Titre',
    nameHint: 'Les agents trouvent la réponse en tapant « / » et ce titre ; les clients ne le voient jamais.',
    textHint:
      'Laissez une langue vide si la réponse n’y est pas rédigée ; les agents en reçoivent alors une autre. ' +
      'Rédigez-en au moins une.',
    placeholders: {
      customerName: 'Le nom du client',
      agentName: 'Le nom de l’agent qui répond',
      queue: 'La file d’attente de la conversation',
    },
    sampleQueue: 'Support',
    previewHint: 'Avec des valeurs d’exemple. Dans une conversation, elles viennent de la conversation et de l’agent.',
  },
  automated: {
    title: 'Messages automatiques',
    description:
      'Ce que Switchboard dit de lui-même aux clients quand quelque chose arrive à leur conversation, par canal. ' +
      'Une langue laissée vide dit le texte intégré affiché.',
    channels: { webchat: 'Chat', sms: 'SMS', custom: 'Canal personnalisé' },
    on: 'Activé : les clients reçoivent ce message',
    off: 'Désactivé',
    textHint: 'Espaces réservés : {customerName}, {agentName}, {orgName}, {channelNumber}.',
    triggers: {
      queued: 'Client en file d’attente',
      'outside-hours': 'En dehors des heures d’ouverture',
      transfer: 'Transfert',
      assigned: 'Conseiller affecté',
      'agent-ended': 'Le conseiller a mis fin à la conversation',
    },
    when: {
      queued: 'Envoyé quand une nouvelle conversation commence à attendre un conseiller.',
      'outside-hours': 'Envoyé à la place quand la conversation arrive alors que sa file est fermée.',
      transfer: 'Envoyé à la place quand une règle de débordement passe la conversation à une autre file.',
      assigned: 'Envoyé quand un conseiller accepte la conversation.',
      'agent-ended': 'Envoyé quand le conseiller met fin à la conversation.',
    },
  },
  notifications: {
    title: 'Notifications des agents',
    description:
      'Ce que voient les agents quand du travail arrive, par scénario : une notification qui ' +
      'disparaît seule et ouvre la session au clic, ou une alerte à accepter ou refuser avant ' +
      'la fin du compte à rebours (expirée, elle vaut refus).',
    kind: 'Type',
    kinds: { toast: 'Notification', alert: 'Alerte avec Accepter et Refuser' },
    theme: 'Thème',
    themes: { light: 'Clair', dark: 'Sombre' },
    timeout: 'Délai (secondes)',
    timeoutHint: "Durée d'affichage d'une notification, ou d'attente d'une alerte ; de {{min}} à {{max}} secondes.",
    autoAccept: "Acceptation automatique : le travail est à l'agent aussitôt, annoncé par la notification « attribué »",
    fields: 'Affiché',
    fieldNames: {
      customerName: 'Nom du client',
      firstMessage: 'Premier message ou commentaire',
      waitTime: "Temps d'attente",
      queue: 'File',
      channel: 'Canal',
      note: 'Note et expéditeur',
    },
    titleIn: 'Titre en {{language}}',
    scenarios: {
      'incoming-chat': 'Chat entrant',
      'incoming-sms': 'SMS entrant',
      'incoming-social': 'Message social entrant',
      assigned: 'Travail attribué',
      transfer: 'Transfert pour moi',
      consult: 'Demande de consultation',
      escalation: 'Escalade',
      'bot-escalation': 'Escalade depuis un bot',
    },
    when: {
      'incoming-chat': "Le routage propose un chat web à l'agent.",
      'incoming-sms': "Le routage propose une conversation SMS à l'agent.",
      'incoming-social': "Le routage propose une conversation d'un canal personnalisé (social) à l'agent.",
      assigned: "Le travail a été accepté automatiquement pour l'agent : rien à répondre.",
      transfer: "Un collègue transfère une conversation à l'agent.",
      consult: "Un collègue demande à l'agent de consulter sur une conversation.",
      escalation: "Le routage propose une conversation qu'un collègue a renvoyée dans une file.",
      'bot-escalation': 'Un bot confie une conversation à un agent (quand des bots sont connectés).',
    },
  },
  queues: {
    title: 'Files d’attente',
    description:
      'Les files gardent les conversations jusqu’à ce qu’un agent soit libre. Membres, priorité, horaires, ' +
      'débordement et méthode d’attribution se règlent par file.',
    editorDescription:
      'Les modifications s’appliquent aux nouvelles attributions moins d’une seconde après l’enregistrement.',
    new: 'Nouvelle file',
    empty: 'Aucune file pour l’instant.',
    sections: { general: 'Général' },
    priority: 'Priorité',
    priorityHint:
      'Nombre plus bas = priorité plus haute. Les agents reçoivent d’abord le travail des files prioritaires ; les ' +
      'égalités sont permises.',
    operatingHours: 'Horaires d’ouverture',
    operatingHoursHint: 'En dehors de ces horaires, la règle de débordement « hors horaires » s’applique.',
    alwaysOpen: 'Toujours ouverte',
    assignment: 'Méthode d’attribution',
    method: 'Méthode',
    methods: {
      'highest-capacity': 'Capacité la plus élevée',
      'round-robin': 'Tour à tour',
      'least-active': 'Moins actif',
      custom: 'Ordre personnalisé',
    },
    methodHelp: {
      'highest-capacity':
        'L’agent éligible ayant le plus de capacité libre reçoit la conversation ; à égalité, tour à tour.',
      'round-robin':
        'Les agents éligibles passent à tour de rôle : celui dont la dernière attribution est la plus ancienne ' +
        'passe d’abord. L’ordre est propre à chaque file.',
      'least-active':
        'L’agent qui a libéré de la capacité il y a le plus longtemps passe d’abord ; un agent qui vient de se ' +
        'connecter compte comme le moins actif.',
      custom:
        'Votre propre ordre : les agents sont triés selon les clés ci-dessous, après que les filtres ont écarté ' +
        'ceux qui ne conviennent pas.',
    },
    orderBy: 'Trier par',
    direction: 'Sens',
    directions: { desc: 'Le plus élevé d’abord', asc: 'Le plus bas d’abord' },
    sortKeys: {
      'skill-match': 'Correspondance des compétences',
      proficiency: 'Niveau',
      'remaining-capacity': 'Capacité restante',
      'idle-time': 'Temps d’inactivité',
      'round-robin': 'Tour à tour',
    },
    addSortKey: 'Ajouter une clé de tri',
    filters: 'Filtres',
    filtersHint: 'Seuls les agents qui passent chaque filtre sont pris en compte.',
    filter: 'Filtre',
    filterKinds: {
      'min-remaining-capacity': 'Capacité restante d’au moins',
      'min-idle-seconds': 'Inactif depuis au moins',
      'has-skill': 'A la compétence au niveau',
    },
    addFilter: 'Ajouter un filtre',
    units: 'Unités',
    seconds: 'Secondes',
    overflow: 'Débordement',
    overflowHelp:
      'Vérifié une fois, quand une conversation est routée vers cette file. Les règles s’appliquent dans l’ordre ; ' +
      'celle des horaires d’abord.',
    noOverflow: 'Aucune règle de débordement : les conversations attendent toujours dans cette file.',
    when: 'Si',
    then: 'alors',
    limit: 'Conversations en attente',
    overflowWhen: {
      'queue-size': 'Plus de conversations en attente que',
      'estimated-wait': 'Attente estimée supérieure à',
      'outside-hours': 'Hors horaires d’ouverture',
    },
    overflowThen: {
      transfer: 'Transférer vers une file',
      'message-and-end': 'Envoyer un message et terminer',
      'offer-callback': 'Proposer un rappel',
      'assign-anyway': 'Mettre en file malgré tout',
    },
    message: 'Message au client',
    defaultEndMessage: 'Tous nos agents sont occupés. Veuillez réessayer plus tard.',
    defaultCallbackMessage: 'Tous nos agents sont occupés. Laissez votre numéro et nous vous rappellerons.',
    addOverflow: 'Ajouter une règle de débordement',
    members: 'Membres',
    membersHelp:
      'Seuls les membres reçoivent les conversations de cette file. Une conversation routée vers une file sans ' +
      'membres est fermée. Les superviseurs membres reçoivent ses alertes de sentiment ; sans eux, tous les ' +
      'superviseurs les reçoivent.',
    memberCount_one: '{{count}} membre',
    memberCount_other: '{{count}} membres',
    noAgents: 'Aucun agent dans cette organisation.',
  },
  hours: {
    title: 'Horaires d’ouverture',
    description:
      'Quand les files sont ouvertes. En dehors, une file applique sa règle de débordement « hors horaires ».',
    editorDescription: 'Les heures sont dans le fuseau choisi ; un jour peut avoir plusieurs périodes.',
    new: 'Nouveaux horaires',
    empty: 'Aucun horaire pour l’instant : chaque file est toujours ouverte.',
    sections: { general: 'Général' },
    timeZone: 'Fuseau horaire',
    timeZoneHint: 'L’heure d’été est suivie automatiquement.',
    weekly: 'Horaires hebdomadaires',
    weeklyHelp: 'Périodes du début à la fin (HH:MM) ; 24:00 est la fin de la journée.',
    periodCount_one: '{{count}} période par semaine',
    periodCount_other: '{{count}} périodes par semaine',
    days: {
      mon: 'Lundi',
      tue: 'Mardi',
      wed: 'Mercredi',
      thu: 'Jeudi',
      fri: 'Vendredi',
      sat: 'Samedi',
      sun: 'Dimanche',
    },
    closed: 'Fermé',
    start: 'Début',
    end: 'Fin',
    addPeriod: 'Ajouter une période',
    copyMonday: 'Copier lundi vers mardi–vendredi',
    holidays: 'Jours fériés',
    holidaysHelp: 'Fermé toute la journée à ces dates.',
    holidayDate: 'Date du jour férié',
    addHoliday: 'Ajouter un jour férié',
    noHolidays: 'Aucun jour férié.',
  },
  users: {
    title: 'Utilisateurs',
    description:
      'Toutes les personnes qui se connectent : agents, superviseurs et administrateurs, avec les files, ' +
      'compétences et capacité que le routage leur donne. Un changement de rôle ou un compte désactivé vaut dès ' +
      'leur prochaine requête.',
    new: 'Nouvel utilisateur',
    empty: 'Aucun utilisateur.',
    email: 'E-mail',
    role: 'Rôle',
    status: 'Statut',
    active: 'Actif',
    disabled: 'Désactivé',
    password: 'Mot de passe',
    passwordHint: 'Au moins 8 caractères ; communiquez-le, la personne se connecte avec.',
    newPassword: 'Nouveau mot de passe',
    newPasswordHint: 'Laisser vide pour garder son mot de passe.',
    disable: 'Désactivé : ne peut pas se connecter',
    roles: { agent: 'Agent', supervisor: 'Superviseur', admin: 'Administrateur' },
    routing: 'Files et compétences',
  },
  apiClients: {
    title: 'Clients API',
    description:
      'Des programmes qui appellent l’API de Switchboard avec une clé, comme un CRM ou un outil de rapports. Ils ' +
      'lisent et donnent les commandes des superviseurs ; ils ne modifient aucun réglage, ne se connectent pas et ' +
      'ne prennent aucune conversation. Un client désactivé ou une clé révoquée est refusé dès la requête suivante.',
    new: 'Nouveau client API',
    empty: 'Aucun client API pour l’instant.',
    nameHint: 'Ce qu’est le programme, par ex. « Synchro CRM ».',
    keyName: 'Nom de la clé',
    keyNameHint: 'Où la clé sert, pour distinguer les clés.',
    firstKeyName: 'Première clé',
    disable: 'Désactivé : ses clés sont refusées',
    keys: 'Clés',
    keysOf: 'Clés de {{name}}',
    noKeys: 'Aucune clé.',
    prefix: 'Clé',
    created: 'Création',
    lastUsed: 'Dernière utilisation',
    never: 'Jamais',
    newKey: 'Nouvelle clé',
    revoke: 'Révoquer',
    revokeConfirm: 'Révoquer définitivement',
    revoked: 'Clé {{name}} révoquée.',
    revokedAt: 'Révoquée le {{at}}',
    issuedTitle: 'Clé {{key}} de {{client}}',
    issuedOnce:
      'Copiez cette clé maintenant : elle n’est montrée qu’une fois. Switchboard n’en garde qu’un hachage et ne ' +
      'peut plus la montrer.',
    issuedUse: 'Le programme l’envoie avec chaque requête : « Authorization: Bearer <clé> » ou « X-Api-Key: <clé> ».',
    key: 'Clé API',
    copy: 'Copier',
    copied: 'Copiée',
    stored: 'Je l’ai conservée',
  },
  skills: {
    title: 'Compétences',
    description:
      'Ce que savent les agents : langues, produits, spécialités. Les règles de classification exigent des ' +
      'compétences ; les agents les ont avec un niveau de 1 à 10.',
    new: 'Nouvelle compétence',
    empty: 'Aucune compétence pour l’instant.',
    type: 'Type',
    typeHint: 'Un groupe comme Langue ou Produit.',
  },
  capacityProfiles: {
    title: 'Profils de capacité',
    description:
      'Une limite au nombre d’éléments de travail d’un type qu’un agent traite à la fois. Flux et règles de ' +
      'classification attachent des profils ; un agent peut avoir sa propre limite.',
    new: 'Nouveau profil de capacité',
    empty: 'Aucun profil de capacité pour l’instant.',
    defaultLimit: 'Limite d’éléments',
    defaultLimitHint: 'Éléments qu’un agent peut traiter à la fois, sauf limite personnelle.',
    resetFrequency: 'Réinitialisation',
    resetHint:
      'Immédiate : un élément compte jusqu’à sa fermeture. Fin de journée : les éléments comptent jusqu’à la fin de ' +
      'la journée.',
    reset: { immediate: 'Immédiate', 'end-of-day': 'Fin de journée' },
    blocksAssignment: 'Bloquer l’attribution à la limite',
    blocksHint:
      'À la limite, plus d’attribution automatique. Le choix par l’agent et l’attribution par un superviseur ' +
      'restent possibles.',
  },
  presences: {
    title: 'Présences',
    description:
      'Présences personnalisées que les agents peuvent choisir, comme « Absent – en formation ». Le routage ne voit ' +
      'que la présence de base associée.',
    new: 'Nouvelle présence',
    empty: 'Aucune présence personnalisée : les agents choisissent parmi les présences de base.',
    nameHint: 'Ce que l’agent voit et choisit.',
    base: 'Présence de base',
    baseHint: 'Ce que le routage en retient.',
  },
  agents: {
    presence: 'Présence',
    queues: 'Files',
    queuesHelp: 'La personne reçoit des conversations de ces files.',
    skills: 'Compétences',
    skillsHelp: 'Niveau de 1 (débutant) à 10 (expert). La correspondance exacte exige au moins le niveau requis.',
    noSkills: 'Aucune compétence.',
    addSkill: 'Ajouter une compétence',
    createSkillsFirst: 'Créez d’abord des compétences dans la page Compétences.',
    capacity: 'Capacité',
    capacityHelp:
      'Unités de travail simultanées ; les conversations actives et en clôture comptent. Les profils ajoutent des ' +
      'limites par type de travail.',
    capacityUnits: 'Capacité en unités',
    capacityProfiles: 'Profils de capacité',
    noProfiles: 'Aucun profil de capacité.',
    addProfile: 'Ajouter un profil de capacité',
    customLimit: 'Limite personnelle',
    customLimitHint:
      'Une limite personnelle remplace celle du profil pour cette personne ; vide, celle du profil s’applique. Elle ' +
      'vaut pour les nouvelles attributions.',
    defaultLimit: 'Par défaut {{limit}}',
  },
  settings: {
    title: 'Paramètres',
    description: 'Paramètres de présence de toute l’organisation.',
    presence: 'Présence',
    defaultPresence: 'Présence par défaut',
    defaultPresenceHint:
      'Si c’est Absent ou Hors ligne, les agents commencent ainsi à la connexion ; sinon, la présence suit leur ' +
      'capacité.',
    basePresences: 'Présences de base',
    customPresences: 'Présences personnalisées',
    idleMinutes: 'Effacer la présence manuelle après',
    idleMinutesHint:
      'Une présence choisie à la main par un agent est effacée après ce nombre de minutes sans activité.',
    offers: 'Après une proposition',
    offersHint: 'Sinon la présence suit la capacité. L’une ou l’autre reste jusqu’à ce que l’agent la change.',
    missedOfferMakesInactive: 'Un agent qui laisse expirer une proposition devient inactif (Absent)',
    rejectMakesDoNotDisturb: 'Un agent qui refuse une proposition passe en Ne pas déranger',
    full: 'Agents complets',
    fullHint:
      'Un agent est complet quand il n’a plus de capacité, ou quand il a autant de conversations que la limite de ' +
      'sessions. On ne lui propose plus rien.',
    sessionLimit: 'Limite de sessions',
    sessionLimitHint:
      'Le nombre maximal de conversations qu’un agent a en même temps, quelle que soit sa capacité. Vide : aucune ' +
      'limite.',
    noSessionLimit: 'Aucune',
    fullPresence: 'Un agent complet affiche',
    attachments: 'Pièces jointes',
    supervision: 'Commandes des superviseurs',
    supervisionHint:
      'Ce que les superviseurs (et les administrateurs) peuvent faire aux conversations de leur bureau. ' +
      'Désactivée : refusée à tous, aussitôt.',
    sentiment: 'Mesurer le sentiment des clients et le montrer aux superviseurs',
    sentimentThreshold: 'Alerter les superviseurs quand une conversation descend à',
    reports: 'Rapports',
    reportsHint: 'Où commencent les jours et les mois des rapports, pour tous. Le changer les reconstruit.',
    reportsTimeZone: 'Fuseau horaire (comme Europe/Paris)',
    sentimentLevel: {
      none: 'Jamais',
      'slightly-negative': 'Légèrement négatif ou moins',
      negative: 'Négatif ou moins',
      'very-negative': 'Très négatif',
    },
    supervisionSwitch: {
      monitor: "Observer les conversations (et s'y joindre)",
      assign: 'Attribuer les conversations ouvertes',
      transfer: "Transférer les conversations d'autres agents",
      'force-close': 'Forcer la fermeture des conversations',
    },
    attachmentsHint:
      'Les fichiers que les agents et les clients peuvent envoyer dans le chat web. ' +
      'Le SMS ne transporte pas de fichiers.',
    attachmentMax: 'Fichier le plus grand',
    attachmentMaxHint: 'Au plus {{max}} Mio. Un fichier plus grand est refusé avant d’être enregistré.',
    attachmentTypes: 'Types autorisés',
    attachmentType: {
      'image-png': 'Images PNG',
      'image-jpeg': 'Images JPEG',
      'image-gif': 'Images GIF',
      'image-webp': 'Images WebP',
      'application-pdf': 'Documents PDF',
      'text-plain': 'Texte brut',
    },
  },
  importExport: {
    title: 'Import / export',
    description:
      'Toute la configuration du routage dans un seul fichier JSON : compétences, profils de capacité, présences, ' +
      'horaires, files, flux avec leurs règles, routage des agents et paramètres.',
    exportTitle: 'Export',
    exportHelp:
      'Téléchargez la configuration, pour la garder ou la charger dans un autre Switchboard. Les agents sont ' +
      'associés par e-mail.',
    download: 'Télécharger la configuration',
    exporting: 'Export…',
    exported: 'Configuration téléchargée.',
    exportFailed: 'Échec de l’export',
    importTitle: 'Import',
    importHelp:
      'Remplace toute la configuration par un fichier, en une seule étape. Si quelque chose ne va pas dans le ' +
      'fichier, rien ne change et chaque problème est listé.',
    chooseFile: 'Fichier de configuration',
    confirmTitle: 'Remplacer la configuration ?',
    confirmText: 'Toute la configuration du routage sera remplacée par « {{name}} ».',
    replace: 'Remplacer',
    importing: 'Import…',
    imported: 'Configuration importée.',
    nothingChanged: 'Non importé : rien n’a été modifié.',
    problemsIntro_one: 'Le fichier a {{count}} problème :',
    problemsIntro_other: 'Le fichier a {{count}} problèmes :',
    notJson: 'Le fichier n’est pas un JSON valide : {{message}}',
  },
  recordsImport: {
    title: 'Importer des contacts et des comptes',
    description:
      'Chargez des contacts ou des comptes depuis un fichier CSV : les bonnes lignes sont importées, chaque ' +
      'autre ligne est listée avec sa raison.',
    fileTitle: 'Fichier CSV',
    fileHelp:
      'La première ligne nomme les colonnes, en majuscules ou minuscules : name (obligatoire), external id, ' +
      'email, phone, city, category, relationship type ; pour les contacts aussi job title, preferred contact ' +
      'method et account (son nom ou son identifiant externe). Une ligne dont l’identifiant externe est connu ' +
      'met à jour cette fiche. Importez les comptes avant les contacts qui les nomment.',
    kind: 'Fiches',
    contacts: 'Contacts',
    accounts: 'Comptes',
    chooseFile: 'Choisir un fichier CSV',
    start: 'Importer',
    importing: 'Import en cours…',
    progressTitle: 'Progression',
    summary: 'Partie {{done}} sur {{total}} · {{imported}} importées · {{failed}} non importées',
    empty: 'Le fichier n’a aucune ligne sous son en-tête.',
    stopped: 'L’import s’est arrêté : {{message}}. Les lignes des parties précédentes restent importées.',
    resultsTitle: 'Lignes',
    resultsHelp: 'Les lignes non importées sont en premier.',
    line: 'Ligne',
    result: 'Résultat',
    reason: 'Raison',
    ok: 'Importée',
    notImported: 'Non importée',
  },
  trace: {
    title: 'Trace de routage',
    description:
      'Pourquoi une conversation est allée là où elle est allée : les règles de classification appliquées, la file ' +
      'choisie, le débordement et chaque agent envisagé.',
    conversationId: 'Identifiant de la conversation',
    show: 'Afficher la trace',
    waiting: 'Toujours en attente dans sa file : elle est proposée dès qu’un agent éligible a de la place.',
    notAnId: 'Saisissez ou collez un identifiant de conversation (un UUID).',
    notFound: 'Aucune conversation avec cet identifiant.',
    empty: 'Aucune décision de routage enregistrée pour cette conversation.',
    recent: 'Conversations en cours :',
    entry: 'Décision {{n}} · {{at}}',
    steps: { classification: 'Classification', queue: 'File', overflow: 'Débordement', assignment: 'Attribution' },
    rulesetMatched: 'Ensemble « {{ruleset}} » : la règle « {{rule}} » correspond.',
    rulesetNoMatch: 'Ensemble « {{ruleset}} » : aucune règle ne correspond.',
    outputs: 'Défini : {{outputs}}',
    queueByRule: 'Choisie par la règle « {{rule}} ».',
    queueNoRule: 'Aucune règle ne correspond : file de secours.',
    skipped: '{{queue}} écartée : {{reason}}',
    overflow: 'La file {{queue}} a débordé ({{condition}}) : {{action}}',
    actions: { transfer: 'transférée vers {{queue}}' },
    assignment: 'File {{queue}} · méthode {{strategy}}',
    outcomes: {
      offered: 'proposée',
      'no-eligible-agent': 'aucun agent éligible',
      'claim-lost': 'une autre attribution l’a emporté ; nouvel essai',
    },
    considered: 'Agents envisagés',
    noneConsidered: 'Aucun agent envisagé.',
    agent: 'Agent',
    chosen: 'Choisi',
    rank: 'Rang',
    skippedAgent: 'écarté',
    reason: 'Pourquoi',
    rightNow: 'En ce moment',
    rightNowAt:
      'Évalué le {{at}} pour la file {{queue}}, selon la présence, la capacité, les compétences et les refus ' +
      'actuels. Non enregistré.',
    eligible: 'Éligible',
    noMembers: 'Personne n’est membre de cette file.',
  },
};
