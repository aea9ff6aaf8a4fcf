import type { AgentRouting } from '@switchboard/protocol';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { useAuth } from '../../state/auth-store';
import { BOB, SALES, SUPPORT, createFakeApi, uuid } from '../../test/fake-api';
import { renderApp } from '../../test/render';

const change = (el: HTMLElement, value: string) => fireEvent.change(el, { target: { value } });
const rowWhere = async (testId: string, attr: string, value: string) =>
  waitFor(() => {
    const found = screen.getAllByTestId(testId).find((r) => r.getAttribute(attr) === value);
    if (!found) throw new Error(`no ${testId} with ${attr}=${value} yet`);
    return found;
  });
/** Everything the page shows, typed-in values included: where a secret must not be once closed. */
const pageText = () =>
  [document.body.textContent ?? '', ...[...document.querySelectorAll('input')].map((i) => i.value)].join('\n');

afterEach(() => {
  cleanup();
  useAuth.getState().signOut();
});

describe('users (AD1)', () => {
  it('adds a supervisor with a first password, then disables them keeping the password', async () => {
    const { api } = renderApp('/users');
    await screen.findAllByTestId('user-row');
    fireEvent.click(screen.getByTestId('user-new'));
    change(await screen.findByTestId('user-name'), 'Sven Berg');
    change(screen.getByTestId('user-email'), 'sven@contoso.example');
    change(screen.getByTestId('user-role'), 'supervisor');
    change(screen.getByTestId('user-password'), 'short');
    fireEvent.click(screen.getByTestId('user-save'));
    expect(await screen.findByText(/at least 8 characters/)).toBeTruthy();
    expect(api.sent('createUser')).toEqual([]);
    change(screen.getByTestId('user-password'), 'first password');
    fireEvent.click(screen.getByTestId('user-save'));
    await waitFor(() =>
      expect(api.sent('createUser')).toEqual([
        { name: 'Sven Berg', email: 'sven@contoso.example', role: 'supervisor', password: 'first password' },
      ]),
    );
    const row = await rowWhere('user-row', 'data-name', 'Sven Berg');
    fireEvent.click(within(row).getByTestId('user-edit'));
    fireEvent.click(await screen.findByTestId('user-disabled'));
    fireEvent.click(screen.getByTestId('user-save'));
    await waitFor(() =>
      expect(api.sent('updateUser')).toEqual([
        { name: 'Sven Berg', email: 'sven@contoso.example', role: 'supervisor', disabled: true },
      ]),
    );
  });

  it('offers only people’s roles for an account: an API client is made under API clients', async () => {
    renderApp('/users');
    await screen.findAllByTestId('user-row');
    fireEvent.click(screen.getByTestId('user-new'));
    const options = [...(await screen.findByTestId('user-role')).querySelectorAll('option')].map((o) => o.value);
    expect(options).toEqual(['agent', 'supervisor', 'admin']);
  });
});

describe("an agent's routing on the Users page (AD1, AD2)", () => {
  it('shows queues, skills and capacity per user, and edits them from the user’s detail', async () => {
    const api = createFakeApi();
    api.state.capacityProfiles.push({
      id: uuid(41),
      name: 'Chats',
      defaultLimit: 4,
      resetFrequency: 'immediate',
      blocksAssignment: true,
    });
    renderApp('/users', { api });
    const bob = await rowWhere('user-row', 'data-email', 'bob@contoso.example');
    await waitFor(() => expect(within(bob).getByTestId('user-capacity').textContent).toBe('3'));
    expect(bob.textContent).toContain('Support');
    fireEvent.click(within(bob).getByTestId('user-routing'));
    change(await screen.findByTestId('agent-capacity'), '5');
    fireEvent.click(screen.getByTestId('agent-skill-add'));
    change(screen.getByTestId('agent-skill-proficiency'), '11');
    fireEvent.click(screen.getByTestId('agent-save'));
    expect(await screen.findByText('At most 10.')).toBeTruthy();
    expect(api.sent('updateAgentRouting')).toEqual([]);
    change(screen.getByTestId('agent-skill-proficiency'), '8');
    fireEvent.click(screen.getByTestId('agent-profile-add'));
    change(screen.getByTestId('agent-profile-limit'), '2');
    fireEvent.click(
      screen.getAllByTestId('agent-queue').find((q) => q.closest('span')?.textContent?.includes('Sales'))!,
    );
    fireEvent.click(screen.getByTestId('agent-save'));
    await waitFor(() => expect(api.sent('updateAgentRouting')).toHaveLength(1));
    expect(api.calls.find((c) => c.name === 'updateAgentRouting')?.params).toEqual({ id: BOB });
    expect(api.sent('updateAgentRouting')[0]).toEqual({
      capacity: 5,
      queueIds: [SUPPORT, SALES],
      skills: [{ skillId: uuid(31), proficiency: 8 }],
      capacityProfiles: [{ profileId: uuid(41), customLimit: 2 }],
    } satisfies Omit<AgentRouting, 'userId'>);
    fireEvent.click(screen.getByText('Back'));
    const updated = await rowWhere('user-row', 'data-email', 'bob@contoso.example');
    await waitFor(() => expect(within(updated).getByTestId('user-capacity').textContent).toBe('5'));
    expect(within(updated).getByTestId('user-skills').textContent).toBe('1');
    expect(updated.textContent).toContain('Support, Sales');
  });

  it('has no Agents page in the navigation any more; its old addresses lead to the Users page', async () => {
    renderApp(`/agents/${BOB}`);
    expect(await screen.findByTestId('agent-capacity')).toBeTruthy();
    expect(screen.queryByTestId('nav-agents')).toBeNull();
    fireEvent.click(screen.getByTestId('nav-users'));
    await screen.findAllByTestId('user-row');
    cleanup();
    renderApp('/agents');
    expect(await screen.findAllByTestId('user-row')).toHaveLength(3);
  });
});

describe('API clients (AD1)', () => {
  async function createClient(name: string) {
    fireEvent.click(await screen.findByTestId('api-client-new'));
    change(await screen.findByTestId('api-client-name'), name);
    fireEvent.click(screen.getByTestId('api-client-save'));
  }

  it('creates a client and shows its key once: after closing, only its prefix is left', async () => {
    const api = createFakeApi();
    renderApp('/users', { api });
    await createClient('CRM sync');
    const issued = await screen.findByTestId('api-key-issued');
    const secret = api.state.issuedSecrets[0]!;
    expect(api.sent('createApiClient')).toEqual([{ name: 'CRM sync', keyName: 'First key' }]);
    expect((within(issued).getByTestId('api-key-secret') as HTMLInputElement).value).toBe(secret);
    expect(issued.textContent).toContain('shown this once');
    fireEvent.click(within(issued).getByTestId('api-key-done'));
    await waitFor(() => expect(screen.queryByTestId('api-key-issued')).toBeNull());
    expect(pageText()).not.toContain(secret);

    const row = await rowWhere('api-client-row', 'data-name', 'CRM sync');
    expect(within(row).getByTestId('api-client-key-count').textContent).toBe('1');
    fireEvent.click(within(row).getByTestId('api-client-keys'));
    const key = await screen.findByTestId('api-key-row');
    const prefix = api.state.apiKeys[0]!.prefix;
    expect(key.textContent).toContain(`sbk_${prefix}_…`);
    expect(key.textContent).toContain('First key');
    expect(within(key).getByTestId('api-key-last-used').textContent).toBe('Never');
    expect(pageText()).not.toContain(secret);
  });

  it('refuses an empty name before sending anything', async () => {
    const api = createFakeApi();
    renderApp('/users', { api });
    await createClient('   ');
    expect(await screen.findByText('Required.')).toBeTruthy();
    change(screen.getByTestId('api-client-key-name'), '');
    fireEvent.click(screen.getByTestId('api-client-save'));
    await waitFor(() => expect(screen.getAllByText('Required.')).toHaveLength(2));
    expect(api.sent('createApiClient')).toEqual([]);
  });

  it('adds a second key, shown once, and revokes the first after asking', async () => {
    const api = createFakeApi();
    renderApp('/users', { api });
    await createClient('Reports');
    fireEvent.click(await screen.findByTestId('api-key-done'));
    fireEvent.click(within(await rowWhere('api-client-row', 'data-name', 'Reports')).getByTestId('api-client-keys'));
    change(await screen.findByTestId('api-key-name'), 'Nightly export');
    fireEvent.click(screen.getByTestId('api-key-create'));
    const issued = await screen.findByTestId('api-key-issued');
    expect((within(issued).getByTestId('api-key-secret') as HTMLInputElement).value).toBe(api.state.issuedSecrets[1]);
    expect(api.sent('createApiKey')).toEqual([{ name: 'Nightly export' }]);
    fireEvent.click(within(issued).getByTestId('api-key-done'));

    fireEvent.click(within(await rowWhere('api-client-row', 'data-name', 'Reports')).getByTestId('api-client-keys'));
    const first = await rowWhere('api-key-row', 'data-prefix', api.state.apiKeys[1]!.prefix);
    fireEvent.click(within(first).getByTestId('api-key-revoke'));
    expect(api.sent('revokeApiKey')).toEqual([]);
    fireEvent.click(within(first).getByTestId('api-key-revoke-confirm'));
    await waitFor(() =>
      expect(api.calls.filter((c) => c.name === 'revokeApiKey').map((c) => c.params)).toEqual([
        { id: api.state.apiKeys[1]!.id },
      ]),
    );
    await waitFor(async () =>
      expect((await rowWhere('api-key-row', 'data-prefix', api.state.apiKeys[1]!.prefix)).dataset.revoked).toBe('true'),
    );
    const second = await rowWhere('api-key-row', 'data-prefix', api.state.apiKeys[0]!.prefix);
    expect(second.dataset.revoked).toBe('false');
  });

  it('disables a client', async () => {
    const api = createFakeApi();
    renderApp('/users', { api });
    await createClient('Old CRM');
    fireEvent.click(await screen.findByTestId('api-key-done'));
    fireEvent.click(within(await rowWhere('api-client-row', 'data-name', 'Old CRM')).getByTestId('api-client-edit'));
    fireEvent.click(await screen.findByTestId('api-client-disabled'));
    fireEvent.click(screen.getByTestId('api-client-save'));
    await waitFor(() => expect(api.sent('updateApiClient')).toEqual([{ name: 'Old CRM', disabled: true }]));
    await waitFor(async () =>
      expect((await rowWhere('api-client-row', 'data-name', 'Old CRM')).dataset.disabled).toBe('true'),
    );
  });
});
