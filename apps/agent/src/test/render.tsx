import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import '../i18n';
import { i18n } from '../i18n';
import { ServicesContext } from '../state/services-context';
import type { WorkspaceServices } from '../state/workspace-services';

// happy-dom rejects Animation.finished on cancel with nobody listening (an unhandled rejection);
// without element.animate, Fluent skips its motion, which tests do not need anyway.
Object.defineProperty(Element.prototype, 'animate', { value: undefined, configurable: true, writable: true });

/** Renders inside the app's providers, in English, with (fake) workspace services and a fresh query cache. */
export function renderWithProviders(ui: ReactElement, services: Partial<WorkspaceServices> = {}) {
  void i18n.changeLanguage('en');
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  const wrap = (node: ReactElement) => (
    <QueryClientProvider client={queryClient}>
      <FluentProvider theme={webLightTheme}>
        <ServicesContext.Provider value={services as WorkspaceServices}>{node}</ServicesContext.Provider>
      </FluentProvider>
    </QueryClientProvider>
  );
  const result = render(wrap(ui));
  return { ...result, queryClient, rerender: (next: ReactElement) => result.rerender(wrap(next)) };
}
