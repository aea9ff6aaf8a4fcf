import { Field, Select } from '@fluentui/react-components';
import type { MessageTemplate, OutboundChannel } from '@switchboard/protocol';
import { useTranslation } from 'react-i18next';
import { bodyOf, languagesOf, type Language, type OutboundDraft } from '../lib/outbound-draft';
import { numbersFromText } from '../lib/recipient-numbers';
import { useAuth } from '../state/auth-store';
import { OutboundPreview } from './outbound-preview';
import { OutboundRecipients } from './outbound-recipients';

type Props = {
  /** The draft as it will be sent (the only channel and a language the template has filled in). */
  draft: OutboundDraft;
  setDraft: (update: (d: OutboundDraft) => OutboundDraft) => void;
  channels: OutboundChannel[] | undefined;
  templates: MessageTemplate[] | undefined;
  template: MessageTemplate | undefined;
};

/** What to send, from where and to whom, with a preview of the message (CH6). */
export function OutboundForm({ draft, setDraft, channels, templates, template }: Props) {
  const { t } = useTranslation();
  const user = useAuth((s) => s.user);
  const channel = channels?.find((c) => c.id === draft.channelId);
  const set = (patch: Partial<OutboundDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const firstNumber = draft.kind === 'numbers' ? numbersFromText(draft.numbers)[0] : undefined;
  const search = draft.kind === 'contacts' ? draft.search.trim() : '';
  const text = bodyOf(template, draft.language);
  // The first recipient, as far as it is known here: a contact search is only run by the server.
  const to = firstNumber
    ? t('outbound.previewTo', { to: firstNumber })
    : search
      ? t('outbound.previewToContacts', { search })
      : null;

  return (
    <>
      <Field
        label={t('outbound.channel')}
        required
        hint={channels?.length === 0 ? t('outbound.noChannels') : undefined}
      >
        <Select data-testid="outbound-channel" value={draft.channelId} onChange={(_, d) => set({ channelId: d.value })}>
          <option value="">{t('outbound.chooseChannel')}</option>
          {channels?.map((c) => (
            <option key={c.id} value={c.id}>
              {c.numbers[0] ? `${c.name} (${c.numbers[0]})` : c.name}
            </option>
          ))}
        </Select>
      </Field>
      <Field
        label={t('outbound.template')}
        required
        hint={templates?.length === 0 ? t('outbound.noTemplates') : undefined}
      >
        <Select
          data-testid="outbound-template"
          value={draft.templateId}
          onChange={(_, d) => set({ templateId: d.value })}
        >
          <option value="">{t('outbound.chooseTemplate')}</option>
          {templates?.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t('outbound.language')} required hint={template ? t('outbound.languageHint') : undefined}>
        <Select
          data-testid="outbound-language"
          value={draft.language}
          disabled={!template}
          onChange={(_, d) => set({ language: d.value as Language })}
        >
          {languagesOf(template).map((l) => (
            <option key={l} value={l}>
              {t(`outbound.languages.${l}`)}
            </option>
          ))}
        </Select>
      </Field>
      <OutboundRecipients draft={draft} set={set} />
      <OutboundPreview
        text={text}
        to={to}
        values={{ agentName: user?.name, orgName: user?.orgName, channelNumber: channel?.numbers[0] }}
      />
    </>
  );
}
