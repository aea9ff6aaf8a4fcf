import type { QuickReply } from '@switchboard/protocol';
import { useState, type KeyboardEvent } from 'react';
import { matchQuickReplies, slashQuery, type SlashQuery } from '../lib/quick-replies';

/**
 * The `/` list of the composer (AG4): which quick replies match what follows the slash, which one
 * is highlighted, and the keys that move through it (ArrowUp/Down), pick one (Enter, Tab) or close
 * it (Escape, until another `/` is typed).
 */
export function useSlashMenu(text: string, caret: number, replies: readonly QuickReply[]) {
  const [active, setActive] = useState(0);
  const [dismissed, setDismissed] = useState<number | null>(null);
  const at = slashQuery(text, caret);
  const matches = at ? matchQuickReplies(replies, at.query) : [];
  const open = at !== null && at.start !== dismissed && matches.length > 0;
  const current = Math.max(0, Math.min(active, matches.length - 1));

  // A new query highlights its first match again (state adjusted while rendering, as React advises).
  const key = at ? `${at.start}:${at.query}` : '';
  const [seen, setSeen] = useState(key);
  if (key !== seen) {
    setSeen(key);
    setActive(0);
    // The slash closed with Escape is gone: the next one opens the list again.
    if (!at) setDismissed(null);
  }

  /** Handles a key meant for the list; false when the list is closed or the key is not one of its own. */
  function onKeyDown(e: KeyboardEvent, pick: (reply: QuickReply, at: SlashQuery) => void): boolean {
    if (!open || !at) return false;
    const n = matches.length;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') setActive((current + (e.key === 'ArrowDown' ? 1 : n - 1)) % n);
    else if ((e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) || e.key === 'Tab')
      pick(matches[current]!, at);
    else if (e.key === 'Escape') setDismissed(at.start);
    else return false;
    e.preventDefault();
    return true;
  }

  return { open, at, matches, active: current, setActive, onKeyDown };
}
