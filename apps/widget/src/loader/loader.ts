import { findLoaderScript, readEmbedOptions } from './embed.js';
import { createHostApi, type HostApi } from './host-api.js';
import { mountWidget, type SwitchboardApi } from './widget-host.js';

declare global {
  interface Window {
    Switchboard?: SwitchboardApi & HostApi;
  }
}

/**
 * Entry of `loader.js`, the one script a host page embeds. It must stay tiny and dependency-free:
 * everything heavy lives in the iframe, which Switchboard's origin serves.
 */
function boot() {
  // Only valid synchronously, while this script first runs.
  const script = findLoaderScript(document);
  if (window.Switchboard) return; // embedded twice: the first copy wins
  if (!script) {
    console.warn('[switchboard] loader.js needs a data-widget-id attribute on its <script> tag');
    return;
  }
  const options = readEmbedOptions(script, document, navigator);
  if (!options) {
    console.warn('[switchboard] cannot read the widget id or the script src');
    return;
  }
  const start = () => {
    const host = mountWidget(options, window, document);
    const { destroy: _destroy, ...api } = createHostApi(host, options.widgetId, window, document);
    window.Switchboard = {
      open: host.open,
      close: host.close,
      setContextProvider: host.setContextProvider,
      setAuthTokenProvider: host.setAuthTokenProvider,
      ...api,
    };
    // The tag is async: pages that want the API listen for this instead of polling.
    window.dispatchEvent(new Event('switchboard:ready'));
  };
  if (document.body) start();
  else document.addEventListener('DOMContentLoaded', start, { once: true });
}

boot();
