import type { ConversationEvent } from '@switchboard/protocol';

/**
 * The customer's transcript of their chat (CH1), as plain text: the messages they saw, in order,
 * each with its UTC time and author. Internal notes never reach it: it is built from the customer's
 * own event stream, and a note that slipped in would still be dropped here.
 */
export function transcriptText(c: { title: string; startedAt: Date }, events: readonly ConversationEvent[]): string {
  const at = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
  const lines = [`${c.title}`, `Started ${at(c.startedAt.toISOString())}`, ''];
  for (const e of events) {
    if (e.type !== 'message' || e.message.kind === 'note') continue;
    const m = e.message;
    const files = (m.attachments ?? []).map((a) => ` [file: ${a.name}]`).join('');
    const body = m.text.replace(/\r\n?/g, '\n').split('\n').join('\n    ');
    lines.push(`[${at(m.at)}] ${m.authorName}: ${body}${files}`);
  }
  return `${lines.join('\n')}\n`;
}

/** A file name for the download: the chat's start date, safe on every system. */
export const transcriptFileName = (startedAt: Date) => `chat-transcript-${startedAt.toISOString().slice(0, 10)}.txt`;
