import type { Locale } from '../shared/locale.js';

/** Styles for the two elements the loader adds; ids keep them from touching the host page. */
export const LOADER_CSS = `
#switchboard-launcher{position:fixed;right:20px;bottom:20px;z-index:2147483000;width:56px;height:56px;border:0;border-radius:50%;
background:#2557d6;color:#fff;box-shadow:0 6px 20px rgba(0,0,0,.25);cursor:pointer;display:flex;align-items:center;justify-content:center;
padding:0;transition:transform .15s ease,background .15s ease}
#switchboard-launcher:hover{background:#1d47b3;transform:scale(1.05)}
#switchboard-launcher:focus-visible{outline:3px solid #9bb8ff;outline-offset:3px}
#switchboard-launcher svg{width:26px;height:26px;fill:currentColor}
#switchboard-frame{position:fixed;right:20px;bottom:88px;z-index:2147483000;width:380px;height:600px;
max-width:calc(100vw - 40px);max-height:calc(100vh - 108px);border:0;border-radius:14px;background:transparent;
box-shadow:0 12px 40px rgba(0,0,0,.28);color-scheme:normal;transition:opacity .18s ease,transform .18s ease}
#switchboard-frame[data-open="false"]{visibility:hidden;opacity:0;transform:translateY(12px);pointer-events:none}
@media (max-width:480px){
#switchboard-frame{right:0;bottom:0;width:100vw;height:100%;max-width:none;max-height:none;border-radius:0}
#switchboard-launcher[aria-expanded="true"]{display:none}
}
@media (prefers-reduced-motion:reduce){#switchboard-launcher,#switchboard-frame{transition:none}}
`;

const CHAT_ICON =
  '<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H8l-5 4V5a2 2 0 0 1 1-2z"/></svg>';
const CLOSE_ICON =
  '<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M6.4 5 12 10.6 17.6 5 19 6.4 13.4 12 19 17.6 17.6 19 12 13.4 6.4 19 5 17.6 10.6 12 5 6.4z"/></svg>';

export const launcherIcon = (open: boolean) => (open ? CLOSE_ICON : CHAT_ICON);

/** The launcher's accessible names; the loader carries no i18n library. */
export const LAUNCHER_LABELS: Record<Locale, { open: string; close: string }> = {
  en: { open: 'Open chat', close: 'Close chat' },
  nl: { open: 'Chat openen', close: 'Chat sluiten' },
  fr: { open: 'Ouvrir le chat', close: 'Fermer le chat' },
};
