import { render } from '@testing-library/react';
import type { StaffUser } from '@switchboard/protocol';
import type { ReactElement } from 'react';
import { MemoryRouter } from 'react-router';
import { createAdminApi } from '../api/api';
import { AdminProviders, AdminRoutes } from '../app';
import { i18n } from '../i18n';
import { useAuth } from '../state/auth-store';
import { createFakeApi, staffUser, type FakeApi } from './fake-api';

// happy-dom rejects Animation.finished on cancel with nobody listening (an unhandled rejection);
// without element.animate, Fluent skips its motion, which tests do not need anyway.
Object.defineProperty(Element.prototype, 'animate', { value: undefined, configurable: true, writable: true });

/** The whole admin center at `path`, in English, against a fake API; signed in as `as` unless null. */
export function renderApp(
  path: string,
  { as = 'admin', api = createFakeApi(), me }: { as?: 'admin' | 'agent' | null; api?: FakeApi; me?: StaffUser } = {},
) {
  void i18n.changeLanguage('en');
  if (as) {
    useAuth.getState().signIn(`${as}-token`, staffUser(as));
    api.setMe(me ?? staffUser(as));
  }
  else useAuth.getState().signOut();
  const result = render(
    <AdminProviders call={createAdminApi(api.fetch)}>
      <MemoryRouter initialEntries={[path]}>
        <AdminRoutes />
      </MemoryRouter>
    </AdminProviders>,
  );
  return { ...result, api };
}

/** One component inside the providers (no router needed), against a fake API. */
export function renderInProviders(ui: ReactElement, api: FakeApi = createFakeApi()) {
  void i18n.changeLanguage('en');
  const result = render(
    <AdminProviders call={createAdminApi(api.fetch)}>
      <MemoryRouter>{ui}</MemoryRouter>
    </AdminProviders>,
  );
  return { ...result, api };
}
