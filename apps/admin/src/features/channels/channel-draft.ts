import { ChannelInput, type ChannelProvider, type ChannelView } from '@switchboard/protocol';
import type { Issue, Schema } from '../../lib/issues';
import { PROVIDER_FIELDS } from './provider-fields';

/** A channel as the form holds it: every config field as typed (numbers one per line), secrets empty. */
export type ChannelDraft = {
  name: string;
  provider: ChannelProvider;
  workstreamId: string;
  fields: Record<string, string>;
  /** Which secrets the server holds (when editing): an empty one then keeps its stored value. */
  storedSecrets: Record<string, boolean>;
};

/** The fields of a provider before anything is typed: empty, or a choice's default. */
export function emptyFields(provider: ChannelProvider): Record<string, string> {
  return Object.fromEntries(PROVIDER_FIELDS[provider].map((f) => [f.key, f.choices?.[0]?.value ?? '']));
}

export const blankDraft = (): ChannelDraft => ({
  name: '',
  provider: 'twilio',
  workstreamId: '',
  fields: emptyFields('twilio'),
  storedSecrets: {},
});

/** The form of a saved channel: its plain settings and numbers; never a secret (the API has none to give). */
export function draftOf(channel: ChannelView): ChannelDraft {
  const fields = emptyFields(channel.provider);
  for (const f of PROVIDER_FIELDS[channel.provider]) {
    if (f.kind === 'numbers') fields[f.key] = channel.numbers.join('\n');
    else if (f.kind !== 'secret') {
      const value = channel.settings[f.key];
      if (typeof value === 'string') fields[f.key] = value;
    }
  }
  const { name, provider, workstreamId, secrets } = channel;
  return { name, provider, workstreamId, fields, storedSecrets: { ...secrets } };
}

/**
 * The body to send: numbers as an array without blank lines, an empty optional field as null, and
 * an empty secret left out, so the server keeps the one it holds (or generates one, where it does).
 */
export function toChannelInput(draft: ChannelDraft): ChannelInput {
  const config: ChannelInput['config'] = {};
  for (const f of PROVIDER_FIELDS[draft.provider]) {
    const raw = draft.fields[f.key] ?? '';
    if (f.kind === 'numbers') {
      config[f.key] = raw
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean);
      continue;
    }
    const value = raw.trim();
    if (f.kind === 'secret' && value === '') continue;
    config[f.key] = value === '' ? null : value;
  }
  return { name: draft.name.trim(), provider: draft.provider, workstreamId: draft.workstreamId, config };
}

/** Required fields left empty, as issues on their `config.<key>` path (the server's path too). */
function missingFields(draft: ChannelDraft, input: ChannelInput): Issue[] {
  const issues: Issue[] = [];
  for (const f of PROVIDER_FIELDS[draft.provider]) {
    if (!f.required) continue;
    const value = input.config[f.key];
    const path = ['config', f.key];
    if (f.kind === 'numbers' && Array.isArray(value) && value.length === 0) {
      issues.push({ code: 'too_small', origin: 'array', minimum: 1, path, message: 'add a number' });
    } else if (value === null || (value === undefined && !draft.storedSecrets[f.key])) {
      issues.push({ code: 'too_small', origin: 'string', minimum: 1, path, message: 'required' });
    }
  }
  return issues;
}

/**
 * Checks the body `toChannelInput` makes of the draft against the protocol's `ChannelInput` and the
 * provider's required fields. It answers the draft itself: the page sends `toChannelInput(draft)`.
 */
export const ChannelFormSchema: Schema<ChannelDraft> = {
  safeParse: (data) => {
    const draft = data as ChannelDraft;
    const input = toChannelInput(draft);
    const issues: Issue[] = missingFields(draft, input);
    const parsed = ChannelInput.safeParse(input);
    if (!parsed.success) issues.push(...parsed.error.issues);
    return issues.length === 0 ? { success: true, data: draft } : { success: false, error: { issues } };
  },
};
