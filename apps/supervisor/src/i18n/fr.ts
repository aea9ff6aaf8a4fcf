import { LOGIN_STRINGS } from '@switchboard/web';
import type { Strings } from './en';

export const fr: Strings = {
  app: { name: 'Switchboard', supervisor: 'Superviseur' },
  login: LOGIN_STRINGS.fr,
  header: { language: 'Langue', signOut: 'Se déconnecter' },
  only: {
    title: 'Réservé aux superviseurs',
    body:
      'Vous êtes connecté en tant que {{name}} ({{role}}). ' +
      'Le bureau de supervision est réservé aux superviseurs et aux administrateurs.',
    agentHint: "Vos conversations sont dans l'espace agent, à /agent/.",
  },
  ongoing: {
    title: 'Conversations en cours',
    total: '{{shown}} sur {{total}}',
    more: 'Afficher plus',
    empty: 'Aucune conversation en cours ne correspond.',
    loadFailed: 'Impossible de charger les conversations.',
    customer: 'Client',
    channel: 'Canal',
    queue: "File d'attente",
    agent: 'Agent',
    state: 'État',
    wait: "Temps d'attente",
    handle: 'Durée de traitement',
    nobody: '–',
  },
  filters: {
    label: 'Filtres',
    queue: "File d'attente",
    channel: 'Canal',
    state: 'État',
    agent: 'Agent',
    agentPlaceholder: 'Chercher un agent par son nom',
    any: 'Tous',
    clearAgent: 'Tous les agents',
  },
  channel: { webchat: 'Chat', sms: 'SMS', custom: 'Canal personnalisé' },
  state: { open: 'Ouverte', active: 'Active', waiting: 'En attente', 'wrap-up': 'Post-traitement', closed: 'Fermée' },
  monitor: {
    title: 'Supervision de {{name}}',
    silent: "Ni l'agent ni le client ne voient que vous observez.",
    start: 'Observer',
    stop: "Arrêter d'observer",
    forceClose: 'Forcer la fermeture',
    confirmTitle: 'Forcer la fermeture de cette conversation ?',
    confirmBody: "Elle se termine aussitôt pour {{name}} et l'agent, et la capacité de l'agent est libérée.",
    confirm: 'Forcer la fermeture',
    cancel: 'Annuler',
    closed: 'Cette conversation est fermée.',
    note: 'Note interne',
    failed: 'Échec : {{message}}',
    loading: 'Chargement de la conversation…',
  },
};
