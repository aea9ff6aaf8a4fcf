import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { ApiCallError, type PrechatAnswers, type PrechatQuestion, type WidgetConfig } from '@switchboard/protocol';
import type { ReactNode } from 'react';
import type { Locale } from '../../shared/locale.js';
import { createI18n } from '../i18n.js';
import { lookOf } from '../lib/appearance.js';
import { OfflineForm } from './offline-form.js';
import { PostChatSurvey } from './post-chat-survey.js';
import { PrechatForm } from './prechat-form.js';

const wrap = (node: ReactNode, locale: Locale = 'en') =>
  render(<I18nextProvider i18n={createI18n(locale)}>{node}</I18nextProvider>);
const fill = (testId: string, value: string) => fireEvent.change(screen.getByTestId(testId), { target: { value } });

afterEach(cleanup);

describe('the widget applies its settings (CH1)', () => {
  const config = {
    widgetId: 'demo',
    orgName: 'Contoso',
    title: 'Chat',
    socketPath: '/socket.io',
    appearance: {
      primaryColor: '#112233',
      textColor: '#ffffff',
      logoUrl: null,
      theme: 'dark',
      texts: {
        en: { title: 'Help', greeting: 'Hi', offlineMessage: 'Closed' },
        nl: { title: 'Hulp', greeting: '', offlineMessage: '' },
        fr: { title: '', greeting: '', offlineMessage: '' },
      },
    },
  } satisfies WidgetConfig;

  it('colours become CSS variables, the theme a class, texts fall back to English', () => {
    const look = lookOf(config, 'nl');
    expect(look.className).toBe('theme-dark');
    expect(look.style).toMatchObject({ '--accent': '#112233', '--header-fg': '#ffffff' });
    expect(look.texts).toEqual({ title: 'Hulp', greeting: 'Hi', offlineMessage: 'Closed' });
    expect(lookOf(null, 'en').className).toBe('');
  });

  it('the pre-chat form asks the widget questions and sends their answers', async () => {
    const questions: PrechatQuestion[] = [
      {
        id: 'topic',
        kind: 'option-set',
        required: true,
        label: { en: 'Topic', nl: 'Onderwerp', fr: 'Sujet' },
        variable: 'topic',
        options: ['Billing', 'Orders'],
      },
      {
        id: 'ok',
        kind: 'consent',
        required: true,
        label: { en: 'I agree', nl: 'Akkoord', fr: "D'accord" },
        variable: 'ok',
        options: [],
      },
    ];
    const onSubmit = vi.fn(async (_a: PrechatAnswers) => {});
    wrap(<PrechatForm onSubmit={onSubmit} questions={questions} greeting="Welcome!" />, 'nl');
    expect(screen.getByText('Welcome!')).toBeTruthy();
    expect(screen.getByText('Onderwerp *')).toBeTruthy();
    fill('prechat-name', 'Eve');
    fill('prechat-email', 'eve@x.example');
    fill('prechat-question', 'Hello');
    fill('prechat-q-topic', 'Orders');
    fireEvent.click(screen.getByTestId('prechat-q-ok'));
    fireEvent.click(screen.getByTestId('prechat-submit'));
    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    expect(onSubmit.mock.calls[0]![0]).toMatchObject({ name: 'Eve', answers: { topic: 'Orders', ok: true } });
  });

  it('outside hours: the offline message and a form that leaves a message', async () => {
    const onSubmit = vi.fn(async () => {});
    wrap(<OfflineForm message="We are closed" nextOpening={null} locale="en" onSubmit={onSubmit} />);
    expect(screen.getByTestId('offline-message').textContent).toBe('We are closed');
    fireEvent.click(screen.getByTestId('offline-submit'));
    expect(screen.getByTestId('offline-error')).toBeTruthy();
    expect(onSubmit).not.toHaveBeenCalled();
    fill('offline-name', 'Olga');
    fill('offline-email', 'olga@x.example');
    fill('offline-text', 'Call me');
    fireEvent.click(screen.getByTestId('offline-submit'));
    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    expect(onSubmit).toHaveBeenCalledWith({ name: 'Olga', email: 'olga@x.example', message: 'Call me', locale: 'en' });
  });

  it('post-chat survey: a rating and a comment, once; "rated already" still thanks', async () => {
    const onSubmit = vi.fn(async () => ({}));
    wrap(<PostChatSurvey onSubmit={onSubmit} />);
    fireEvent.click(screen.getByTestId('survey-submit'));
    expect(onSubmit).not.toHaveBeenCalled();
    fireEvent.click(screen.getByTestId('survey-rating-4'));
    fill('survey-comment', ' Quick ');
    fireEvent.click(screen.getByTestId('survey-submit'));
    await screen.findByTestId('survey-thanks');
    expect(onSubmit).toHaveBeenCalledWith({ rating: 4, comment: 'Quick' });
    cleanup();
    const taken = vi.fn(async () => {
      throw new ApiCallError(409, { error: 'Conflict', message: 'already rated' });
    });
    wrap(<PostChatSurvey onSubmit={taken} />, 'fr');
    fireEvent.click(screen.getByTestId('survey-rating-2'));
    fireEvent.click(screen.getByTestId('survey-submit'));
    expect((await screen.findByTestId('survey-thanks')).textContent).toBe('Merci pour votre avis !');
  });
});
