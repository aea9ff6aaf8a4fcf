import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { useAuth } from '../../state/auth-store';
import { createFakeApi, uuid } from '../../test/fake-api';
import { renderApp } from '../../test/render';

afterEach(() => {
  cleanup();
  useAuth.getState().signOut();
});

// AG9: the admin picks a CSV, the file goes to the server and every row's result is listed.
describe('records import page', () => {
  it('sends the file with its kind and lists failed rows first', async () => {
    const api = createFakeApi();
    api.on('importRecords', () => ({
      status: 200,
      body: {
        imported: 1,
        failed: 1,
        results: [
          { line: 2, ok: true, id: uuid(700) },
          { line: 3, ok: false, reason: 'name is missing' },
        ],
      },
    }));
    renderApp('/records-import', { api });
    fireEvent.change(await screen.findByTestId('records-import-kind'), { target: { value: 'accounts' } });
    const file = new File(['name,city\nAcme,Utrecht\n,Gouda\n'], 'accounts.csv', { type: 'text/csv' });
    fireEvent.change(screen.getByTestId('records-import-file'), { target: { files: [file] } });
    fireEvent.click(screen.getByTestId('records-import-start'));
    await waitFor(() => expect(screen.getAllByTestId('records-import-bad')).toHaveLength(1));
    expect(api.sent('importRecords')).toEqual([
      { kind: 'accounts', csv: 'name,city\nAcme,Utrecht\n,Gouda\n', firstLine: 2 },
    ]);
    expect(screen.getByTestId('records-import-summary').textContent).toBe('Part 1 of 1 · 1 imported · 1 not imported');
    const rows = screen.getByTestId('records-import-results').querySelectorAll('tbody tr');
    expect([...rows].map((r) => r.textContent)).toEqual(['3Not importedname is missing', '2Imported']);
    expect(screen.getByTestId('nav-records-import').textContent).toBe('Import records');
  });
});
