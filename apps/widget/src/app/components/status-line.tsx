import { useState } from 'react';
import { useT, type Translate } from '../i18n.js';
import type { ChatStatus } from '@switchboard/live';

type Props = {
  status: ChatStatus;
  agentName: string | null;
  onEnd(): Promise<void>;
};

/** Who the customer is talking to, and the "End chat" button with its confirmation. */
export function StatusLine({ status, agentName, onEnd }: Props) {
  const { t } = useT();
  const [confirming, setConfirming] = useState(false);
  const [ending, setEnding] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function end() {
    setEnding(true);
    setError(null);
    try {
      await onEnd();
      setConfirming(false);
    } catch (err) {
      setError(t('end.failed', { error: err instanceof Error ? err.message : String(err) }));
    } finally {
      setEnding(false);
    }
  }

  return (
    <div className="status-line">
      <div className="status-row">
        <p className="status-text" data-testid="chat-status" data-status={status} aria-live="polite">
          <span className={`status-dot status-${status}`} aria-hidden="true" />
          {status === 'waiting' && t('status.waiting')}
          {status === 'connected' && <AgentJoined t={t} name={agentName ?? ''} />}
          {status === 'ended' && t('status.ended')}
        </p>
        {status !== 'ended' && !confirming && (
          <button type="button" className="link-button" data-testid="chat-end" onClick={() => setConfirming(true)}>
            {t('end.button')}
          </button>
        )}
      </div>
      {confirming && status !== 'ended' && (
        <div className="confirm" role="alertdialog" aria-label={t('end.question')}>
          <span>{t('end.question')}</span>
          <button
            type="button"
            className="danger"
            data-testid="chat-end-confirm"
            disabled={ending}
            onClick={() => void end()}
          >
            {t('end.confirm')}
          </button>
          <button type="button" className="secondary" onClick={() => setConfirming(false)} autoFocus>
            {t('end.cancel')}
          </button>
        </div>
      )}
      {error && (
        <p className="inline-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

const MARK = '\u2063';

/** The translated sentence with the agent's name in its own element, wherever the language puts it. */
function AgentJoined({ t, name }: { t: Translate; name: string }) {
  const [before = '', after = ''] = t('status.connected', { name: MARK }).split(MARK);
  return (
    <span>
      {before}
      <strong data-testid="chat-agent-name">{name}</strong>
      {after}
    </span>
  );
}
