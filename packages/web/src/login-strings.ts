import type { Language } from './i18n';

/** The sign-in page's strings, the same in every staff app: each app's tables take them from here. */
export const LOGIN_STRINGS = {
  en: {
    title: 'Sign in',
    email: 'Email',
    password: 'Password',
    submit: 'Sign in',
    submitting: 'Signing in…',
    wrongCredentials: 'Wrong email or password.',
    failed: 'Could not sign in: {{message}}',
    unreachable: 'The server cannot be reached. Try again in a moment.',
    expired: 'Your session has ended. Please sign in again.',
  },
  nl: {
    title: 'Aanmelden',
    email: 'E-mail',
    password: 'Wachtwoord',
    submit: 'Aanmelden',
    submitting: 'Bezig met aanmelden…',
    wrongCredentials: 'Onjuist e-mailadres of wachtwoord.',
    failed: 'Aanmelden is mislukt: {{message}}',
    unreachable: 'De server is niet bereikbaar. Probeer het zo opnieuw.',
    expired: 'Je sessie is verlopen. Meld je opnieuw aan.',
  },
  fr: {
    title: 'Connexion',
    email: 'E-mail',
    password: 'Mot de passe',
    submit: 'Se connecter',
    submitting: 'Connexion…',
    wrongCredentials: 'E-mail ou mot de passe incorrect.',
    failed: 'Connexion impossible : {{message}}',
    unreachable: 'Le serveur est injoignable. Réessayez dans un instant.',
    expired: 'Votre session a expiré. Reconnectez-vous.',
  },
} satisfies Record<Language, Record<string, string>>;
