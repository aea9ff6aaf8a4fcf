import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { useAuth } from '../../state/auth-store';
import { BOB, createFakeApi, uuid } from '../../test/fake-api';
import { renderApp } from '../../test/render';

const SUE = uuid(16);

afterEach(() => {
  cleanup();
  useAuth.getState().signOut();
});

describe('queue members (SV8)', () => {
  it('offers supervisors as members (for its sentiment alerts), marked as such; admins are not offered', async () => {
    const api = createFakeApi();
    api.state.agents.push({
      id: SUE,
      name: 'Sue Visor',
      email: 'sue@contoso.example',
      role: 'supervisor',
      presence: 'offline',
      routing: { userId: SUE, capacity: 3, queueIds: [], skills: [], capacityProfiles: [] },
    });
    renderApp('/queues/new', { api });
    fireEvent.change(await screen.findByTestId('queue-name'), { target: { value: 'VIP' } });
    const member = (email: string) =>
      screen.getAllByTestId('queue-member').find((m) => m.getAttribute('data-email') === email);
    const labelOf = (email: string) => member(email)?.closest('span, div')?.textContent;
    expect(labelOf('sue@contoso.example')).toBe('Sue Visor (sue@contoso.example) · Supervisor');
    expect(labelOf('bob@contoso.example')).toBe('Bob de Vries (bob@contoso.example)');
    expect(member('ada@contoso.example')).toBeUndefined();
    fireEvent.click(member('sue@contoso.example')!);
    fireEvent.click(member('bob@contoso.example')!);
    fireEvent.click(screen.getByTestId('queue-save'));
    await waitFor(() => expect(api.sent('createQueue')).toHaveLength(1));
    expect(api.sent('createQueue')[0]).toMatchObject({ name: 'VIP', memberIds: [SUE, BOB] });
  });
});
