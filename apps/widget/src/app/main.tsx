import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { WidgetId } from '@switchboard/protocol';
import { sanitizeContext } from '../shared/bridge.js';
import { normalizeLocale } from '../shared/locale.js';
import { App } from './components/app.js';
import { createI18n, translator } from './i18n.js';
import { ChatSession } from './lib/chat-session.js';
import { createHostBridge } from './lib/host-bridge.js';
import { siteAuthFor } from './lib/site-auth.js';
import { connectPageApi, type PageApi } from './lib/page-api.js';
import { createChatStorage } from './lib/storage.js';
import './styles.css';

const params = new URLSearchParams(location.search);
const widgetId = params.get('widgetId') ?? '';
const locale = normalizeLocale(params.get('locale'));
document.documentElement.lang = locale;
const i18n = createI18n(locale);
const root = createRoot(document.getElementById('root')!);

if (!WidgetId.safeParse(widgetId).success) {
  root.render(<p className="centered">{translator(i18n)('unavailable')}</p>);
} else {
  const storage = createChatStorage(widgetId);
  // CH1: the host page's JavaScript API (lib/page-api.ts); bound once the bridge exists.
  let pageApi: PageApi | null = null;
  const session = new ChatSession({
    widgetId,
    locale,
    storage,
    // CH1, CH5: the site's sign-in token, asked of the host page; a failure is an `error` event there.
    siteAuth: siteAuthFor(window, translator(i18n), (m) => bridge.send(m)),
    journey: { pending: () => pageApi?.journey.pending() ?? [], sent: (actions) => pageApi?.journey.sent(actions) },
  });

  const focusPrimary = () =>
    requestAnimationFrame(() => document.querySelector<HTMLElement>('[data-autofocus]')?.focus());
  const bridge = createHostBridge(window, (message) => {
    if (pageApi?.handle(message)) return;
    if (message.type === 'context') return session.setContext(sanitizeContext(message.context));
    session.setOpen(message.type === 'open');
    if (message.type === 'open') focusPrimary();
  });
  pageApi = connectPageApi(session, { widgetId, storage, send: (m, opts) => bridge.send(m, opts) });
  const minimize = () => {
    session.setOpen(false);
    pageApi?.setOpen(false);
    bridge.post('close');
  };

  // The panel was open on the previous page: reopen it. Sent before `ready`, so that an
  // open/close the host page queued meanwhile arrives after it and wins.
  if (session.isOpenStored()) bridge.post('open');
  bridge.post('ready');

  // Another tab of the same site started, ended or sent something.
  window.addEventListener('storage', (e) => {
    if (e.key === storage.key) session.syncFromStorage();
  });

  root.render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <App session={session} onMinimize={minimize} />
      </I18nextProvider>
    </StrictMode>,
  );
  void session.start();
}
