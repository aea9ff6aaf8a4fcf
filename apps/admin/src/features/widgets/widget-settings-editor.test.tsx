import { defaultWidgetSettings, type WidgetSettings } from '@switchboard/protocol';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { useAuth } from '../../state/auth-store';
import { createFakeApi, uuid } from '../../test/fake-api';
import { renderApp } from '../../test/render';
import { en } from '../../i18n/en';

const change = (el: HTMLElement, value: string) => fireEvent.change(el, { target: { value } });

function apiWithSettings() {
  const api = createFakeApi();
  const hoursId = uuid(77);
  api.state.operatingHours.push({ id: hoursId, name: 'Office hours', timeZone: 'UTC', weekly: [], holidays: [] });
  let stored: WidgetSettings = defaultWidgetSettings();
  api.on('getWidgetSettings', () => ({ status: 200, body: stored }));
  api.on('updateWidgetSettings', (req) => {
    stored = req.body as WidgetSettings;
    return { status: 200, body: stored };
  });
  return { api, hoursId };
}

afterEach(() => {
  cleanup();
  useAuth.getState().signOut();
});

async function openEditor(api: ReturnType<typeof createFakeApi>) {
  renderApp('/widgets', { api });
  const rows = await screen.findAllByTestId('widget-row');
  fireEvent.click(within(rows[0]!).getByTestId('widget-edit'));
  return screen.findByTestId('widget-settings-save');
}

describe('the widget editor settings (CH1)', () => {
  it('sets colours, texts, a question, an identification field, hours and the survey, and saves them', async () => {
    const { api, hoursId } = apiWithSettings();
    const save = await openEditor(api);
    change(screen.getByTestId('widget-primary-color'), '#aa0000');
    fireEvent.click(screen.getByTestId('widget-theme-dark'));
    fireEvent.click(screen.getByTestId('widget-texts-nl'));
    change(screen.getByTestId('widget-text-greeting'), 'Hallo!');
    fireEvent.click(screen.getByTestId('widget-question-add'));
    change(screen.getByTestId('widget-question-label-en'), 'Phone');
    change(screen.getByTestId('widget-question-variable'), 'phone');
    change(screen.getByTestId('widget-identify-contact-phone'), 'q1');
    change(screen.getByTestId('widget-hours'), hoursId);
    fireEvent.click(screen.getByTestId('widget-post-chat'));
    fireEvent.click(save);
    await waitFor(() => expect(api.sent('updateWidgetSettings')).toHaveLength(1));
    const body = api.sent('updateWidgetSettings')[0] as WidgetSettings;
    expect(body.appearance).toMatchObject({ primaryColor: '#aa0000', theme: 'dark' });
    expect(body.appearance.texts.nl.greeting).toBe('Hallo!');
    expect(body.prechat.questions).toMatchObject([{ id: 'q1', kind: 'single-line', variable: 'phone' }]);
    expect(body.prechat.identification).toEqual([{ field: 'contact-phone', answer: 'q1' }]);
    expect(body).toMatchObject({ operatingHoursId: hoursId, postChat: { enabled: true } });
  }, 30_000);

  it('checks the settings before sending: a colour that is no hex code is not saved', async () => {
    const { api } = apiWithSettings();
    const save = await openEditor(api);
    change(screen.getByTestId('widget-primary-color'), 'blue');
    fireEvent.click(save);
    expect(await screen.findByText(en.validation.format)).toBeTruthy();
    expect(api.sent('updateWidgetSettings')).toHaveLength(0);
  }, 30_000);
});
