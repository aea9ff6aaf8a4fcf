import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { I18nextProvider } from 'react-i18next';
import { ApiContext, type Call } from '../api/api';
import { i18n } from '../i18n';

// happy-dom rejects Animation.finished on cancel with nobody listening; Fluent skips motion without it.
Object.defineProperty(Element.prototype, 'animate', { value: undefined, configurable: true, writable: true });

/** Renders in the desk's providers, in English, with `call` as its REST calls and a fresh cache. */
export function renderDesk(ui: ReactElement, call: Call) {
  void i18n.changeLanguage('en');
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={queryClient}>
        <FluentProvider theme={webLightTheme}>
          <ApiContext.Provider value={call}>{ui}</ApiContext.Provider>
        </FluentProvider>
      </QueryClientProvider>
    </I18nextProvider>,
  );
}
