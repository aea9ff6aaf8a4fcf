import { act, cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { i18n } from '../i18n';
import { consultEvent } from '../test/consult-fixtures';
import { renderWithProviders } from '../test/render';
import { CONVERSATION } from '../test/transfer-fixtures';
import { MessageList } from './message-list';

const lines = () => screen.getAllByTestId('consult-line').map((l) => [l.dataset.step, l.textContent]);

describe('consult lines in the history (AG5)', () => {
  afterEach(cleanup);

  it('says what each step of a consult did, with the note where one was written', () => {
    renderWithProviders(
      <MessageList
        conversationId={CONVERSATION}
        events={[
          consultEvent(1, 'requested', { note: 'Refund above 50 euros?' }),
          consultEvent(2, 'accepted'),
          consultEvent(3, 'may-message-customer', { fromName: 'Alice Martin' }),
          consultEvent(4, 'notes-only', { fromName: 'Alice Martin' }),
          consultEvent(5, 'left'),
          consultEvent(6, 'requested', { toName: 'Sue Supervisor' }),
          consultEvent(7, 'rejected', { toName: 'Sue Supervisor' }),
          consultEvent(8, 'requested'),
          consultEvent(9, 'timeout'),
        ]}
      />,
    );
    expect(lines()).toEqual([
      ['requested', 'Ben Okafor was asked to consult: Refund above 50 euros?'],
      ['accepted', 'Ben Okafor joined as consultant'],
      ['may-message-customer', 'Ben Okafor may now write to the customer'],
      ['notes-only', 'Ben Okafor writes notes only again'],
      ['left', 'Ben Okafor left'],
      ['requested', 'Sue Supervisor was asked to consult'],
      ['rejected', 'Sue Supervisor declined to consult'],
      ['requested', 'Ben Okafor was asked to consult'],
      ['timeout', 'Ben Okafor did not answer the consult request in time'],
    ]);
  });

  it('speaks the agent’s language', async () => {
    renderWithProviders(<MessageList conversationId={CONVERSATION} events={[consultEvent(1, 'accepted')]} />);
    await act(async () => void (await i18n.changeLanguage('nl')));
    expect(await screen.findByText('Ben Okafor doet mee als consultant')).toBeTruthy();
    await act(async () => void (await i18n.changeLanguage('fr')));
    expect(await screen.findByText('Ben Okafor a rejoint la conversation pour consulter')).toBeTruthy();
    await act(async () => void (await i18n.changeLanguage('en')));
  });
});
