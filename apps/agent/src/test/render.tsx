import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import '../i18n';
import { i18n } from '../i18n';
import { ServicesContext } from '../state/services-context';
import type { WorkspaceServices } from '../state/workspace-services';

// happy-dom rejects Animation.finished on cancel with nobody listening (an unhandled rejection);
// without element.animate, Fluent skips its motion, which tests do not need anyway.
Object.defineProperty(Element.prototype, 'animate', { value: undefined, configurable: true, writable: true });

/** Renders inside the app's providers, in English, with (fake) workspace services. */
export function renderWithProviders(ui: ReactElement, services: Partial<WorkspaceServices> = {}) {
  void i18n.changeLanguage('en');
  const wrap = (node: ReactElement) => (
    <FluentProvider theme={webLightTheme}>
      <ServicesContext.Provider value={services as WorkspaceServices}>{node}</ServicesContext.Provider>
    </FluentProvider>
  );
  const result = render(wrap(ui));
  return { ...result, rerender: (next: ReactElement) => result.rerender(wrap(next)) };
}
