import { Caption1, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { QuickReply } from '@switchboard/protocol';
import { useTranslation } from 'react-i18next';

const useStyles = makeStyles({
  menu: {
    position: 'absolute',
    bottom: '100%',
    left: 0,
    right: 0,
    marginBottom: tokens.spacingVerticalXS,
    maxHeight: '260px',
    overflowY: 'auto',
    padding: tokens.spacingVerticalXS,
    listStyleType: 'none',
    backgroundColor: tokens.colorNeutralBackground1,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    boxShadow: tokens.shadow16,
    zIndex: 10,
  },
  option: {
    display: 'flex',
    flexDirection: 'column',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusSmall,
    cursor: 'pointer',
  },
  active: { backgroundColor: tokens.colorNeutralBackground1Selected },
  text: { color: tokens.colorNeutralForeground3, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
});

type Props = {
  id: string;
  matches: readonly QuickReply[];
  active: number;
  /** The text each one would put in, as the agent would send it. */
  textOf: (reply: QuickReply) => string;
  onHover: (index: number) => void;
  onPick: (reply: QuickReply) => void;
};

export const optionId = (listId: string, index: number) => `${listId}-${index}`;

/** The quick replies matching the `/` search, above the composer; the text area keeps the focus. */
export function QuickReplyMenu({ id, matches, active, textOf, onHover, onPick }: Props) {
  const styles = useStyles();
  const { t } = useTranslation();
  return (
    <ul
      className={styles.menu}
      id={id}
      role="listbox"
      aria-label={t('quickReplies.menu')}
      data-testid="quick-reply-menu"
    >
      {matches.map((reply, i) => (
        <li
          key={reply.id}
          id={optionId(id, i)}
          role="option"
          aria-selected={i === active}
          data-testid="quick-reply-option"
          data-title={reply.title}
          className={mergeClasses(styles.option, i === active && styles.active)}
          // Keep the text area's focus and caret: the reply goes in where the search is.
          onMouseDown={(e) => e.preventDefault()}
          onMouseEnter={() => onHover(i)}
          onClick={() => onPick(reply)}
        >
          <Text weight="semibold">
            {reply.title}
            {reply.scope === 'personal' && <Caption1> · {t('quickReplies.mine')}</Caption1>}
          </Text>
          <Caption1 className={styles.text}>{textOf(reply)}</Caption1>
        </li>
      ))}
    </ul>
  );
}
