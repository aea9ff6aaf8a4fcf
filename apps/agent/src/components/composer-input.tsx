import { Textarea, makeStyles } from '@fluentui/react-components';
import {
  QUICK_REPLY_PLACEHOLDERS,
  renderTemplate,
  type ConversationSummary,
  type QuickReply,
} from '@switchboard/protocol';
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuickReplies } from '../hooks/use-quick-replies';
import { useSlashMenu } from '../hooks/use-slash-menu';
import { applyQuickReply, bodyIn, type SlashQuery } from '../lib/quick-replies';
import { useAuth } from '../state/auth-store';
import { optionId, QuickReplyMenu } from './quick-reply-menu';

const useStyles = makeStyles({
  wrap: { position: 'relative', flexGrow: 1, display: 'flex' },
  input: { flexGrow: 1 },
});

type Props = {
  text: string;
  summary: Pick<ConversationSummary, 'customerName' | 'queueName'>;
  placeholder: string;
  disabled: boolean;
  onChange: (text: string) => void;
  /** Keys the quick reply list did not take (Enter to send). */
  onKeyDown: (e: KeyboardEvent<HTMLTextAreaElement>) => void;
};

/**
 * The composer's text area with quick replies (AG4): `/` at the start or after a space lists those
 * whose title matches what follows; the one picked replaces the `/search`, in the agent's language,
 * with the customer's, the agent's and the queue's names filled in.
 */
export function ComposerInput({ text, summary, placeholder, disabled, onChange, onKeyDown }: Props) {
  const styles = useStyles();
  const { t, i18n } = useTranslation();
  const listId = useId();
  const agentName = useAuth((s) => s.user?.name);
  const replies = useQuickReplies().data ?? [];
  const area = useRef<HTMLTextAreaElement>(null);
  const [caret, setCaret] = useState(text.length);
  const [placeCaret, setPlaceCaret] = useState<{ at: number } | null>(null);
  const menu = useSlashMenu(text, caret, replies);
  // Unknown values stay undefined: their placeholder is left for the agent to fill in before sending.
  const values = { customerName: summary.customerName, agentName, queue: summary.queueName ?? undefined };
  const textOf = (reply: QuickReply) => renderTemplate(bodyIn(reply, i18n.language), values, QUICK_REPLY_PLACEHOLDERS);

  // After a pick the text area holds the new text: the caret goes just after the reply.
  useEffect(() => {
    if (!placeCaret) return;
    area.current?.focus();
    area.current?.setSelectionRange(placeCaret.at, placeCaret.at);
  }, [placeCaret]);

  function pick(reply: QuickReply, at: SlashQuery) {
    const next = applyQuickReply(text, at, reply, i18n.language, values);
    onChange(next.text);
    setCaret(next.cursor);
    setPlaceCaret({ at: next.cursor });
  }

  return (
    <div className={styles.wrap}>
      {menu.open && menu.at && (
        <QuickReplyMenu
          id={listId}
          matches={menu.matches}
          active={menu.active}
          textOf={textOf}
          onHover={menu.setActive}
          onPick={(reply) => pick(reply, menu.at!)}
        />
      )}
      <Textarea
        ref={area}
        data-testid="composer-input"
        className={styles.input}
        aria-label={t('composer.label')}
        aria-autocomplete="list"
        aria-controls={menu.open ? listId : undefined}
        aria-activedescendant={menu.open ? optionId(listId, menu.active) : undefined}
        placeholder={placeholder}
        resize="vertical"
        value={text}
        disabled={disabled}
        onChange={(e, d) => {
          onChange(d.value);
          setCaret(e.target.selectionStart ?? d.value.length);
        }}
        onSelect={(e) => setCaret(e.currentTarget.selectionStart)}
        onKeyDown={(e) => {
          if (!menu.onKeyDown(e, pick)) onKeyDown(e);
        }}
      />
    </div>
  );
}
