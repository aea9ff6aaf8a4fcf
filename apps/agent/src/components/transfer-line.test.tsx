import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { i18n } from '../i18n';
import { renderWithProviders } from '../test/render';
import { CONVERSATION, transferEvent } from '../test/transfer-fixtures';
import { MessageList } from './message-list';

const lines = () => screen.getAllByTestId('transfer-line').map((l) => [l.dataset.step, l.textContent]);

describe('transfer lines in the history (AG5)', () => {
  afterEach(cleanup);

  it('says what each step of a transfer did, with the note where one was written', () => {
    renderWithProviders(
      <MessageList
        conversationId={CONVERSATION}
        events={[
          transferEvent(1, 'requested', { note: 'Billing question' }),
          transferEvent(2, 'rejected'),
          transferEvent(3, 'requested'),
          transferEvent(4, 'timeout'),
          transferEvent(5, 'requested'),
          transferEvent(6, 'accepted'),
          transferEvent(7, 'to-queue'),
          transferEvent(8, 'to-queue', { note: 'invoice' }),
        ]}
      />,
    );
    expect(lines()).toEqual([
      ['requested', 'Transfer to Ben Okafor asked: Billing question'],
      ['rejected', 'Ben Okafor rejected the transfer'],
      ['requested', 'Transfer to Ben Okafor asked'],
      ['timeout', 'Ben Okafor did not answer the transfer in time'],
      ['requested', 'Transfer to Ben Okafor asked'],
      ['accepted', 'Ben Okafor accepted the transfer'],
      ['to-queue', 'Sent to the Billing queue'],
      ['to-queue', 'Sent to the Billing queue: invoice'],
    ]);
  });

  it('speaks the agent’s language', async () => {
    renderWithProviders(<MessageList conversationId={CONVERSATION} events={[transferEvent(1, 'rejected')]} />);
    await i18n.changeLanguage('nl');
    expect(await screen.findByText('Ben Okafor heeft het doorverbinden geweigerd')).toBeTruthy();
    await i18n.changeLanguage('fr');
    expect(await screen.findByText('Ben Okafor a refusé le transfert')).toBeTruthy();
    await i18n.changeLanguage('en');
  });
});
