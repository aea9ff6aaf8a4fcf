import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { ApiCallError } from '@switchboard/protocol';
import type { Locale } from '../../shared/locale.js';
import { createI18n } from '../i18n.js';
import { PrechatForm } from './prechat-form.js';

function setup(onSubmit = vi.fn(async () => {}), locale: Locale = 'en') {
  render(
    <I18nextProvider i18n={createI18n(locale)}>
      <PrechatForm onSubmit={onSubmit} />
    </I18nextProvider>,
  );
  const fill = (testId: string, value: string) => fireEvent.change(screen.getByTestId(testId), { target: { value } });
  const submit = () => fireEvent.click(screen.getByTestId('prechat-submit'));
  return { onSubmit, fill, submit };
}

const fillValid = (fill: (id: string, v: string) => void) => {
  fill('prechat-name', '  Emma Janssen ');
  fill('prechat-email', 'emma@fabrikam.example');
  fill('prechat-question', 'My invoice shows the wrong VAT rate');
};

afterEach(cleanup);

describe('pre-chat survey', () => {
  it('requires every field and does not submit', () => {
    const { onSubmit, submit } = setup();
    submit();
    const error = screen.getByTestId('prechat-error');
    expect(error.textContent).toContain('Please enter your name.');
    expect(error.textContent).toContain('Please enter your email address.');
    expect(error.textContent).toContain('Please tell us your question.');
    expect(screen.getByTestId('prechat-name').getAttribute('aria-invalid')).toBe('true');
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('rejects a malformed email address', () => {
    const { onSubmit, fill, submit } = setup();
    fillValid(fill);
    fill('prechat-email', 'emma@');
    submit();
    expect(screen.getByTestId('prechat-error').textContent).toBe('Please enter a valid email address.');
    expect(screen.getByTestId('prechat-name').getAttribute('aria-invalid')).toBe('false');
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('submits trimmed answers when valid', async () => {
    const { onSubmit, fill, submit } = setup();
    fillValid(fill);
    submit();
    await waitFor(() => expect(onSubmit).toHaveBeenCalledOnce());
    expect(onSubmit).toHaveBeenCalledWith({ name: 'Emma Janssen', email: 'emma@fabrikam.example', question: 'My invoice shows the wrong VAT rate' });
    expect(screen.queryByTestId('prechat-error')).toBeNull();
  });

  it("shows the server's 400 message", async () => {
    const onSubmit = vi.fn(async () => {
      throw new ApiCallError(400, { message: 'body.context: at most 50 context variables' });
    });
    const { fill, submit } = setup(onSubmit);
    fillValid(fill);
    submit();
    expect((await screen.findByTestId('prechat-error')).textContent).toBe('body.context: at most 50 context variables');
    expect((screen.getByTestId('prechat-submit') as HTMLButtonElement).disabled).toBe(false);
  });

  it('explains a network failure in the visitor’s language', async () => {
    const onSubmit = vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    });
    const { fill, submit } = setup(onSubmit, 'nl');
    fillValid(fill);
    submit();
    expect((await screen.findByTestId('prechat-error')).textContent).toMatch(/chatdienst niet bereiken/);
  });

  it('speaks French', () => {
    const { submit } = setup(vi.fn(), 'fr');
    submit();
    expect(screen.getByTestId('prechat-error').textContent).toContain('Veuillez indiquer votre nom.');
    expect(screen.getByTestId('prechat-submit').textContent).toBe('Démarrer le chat');
  });
});
