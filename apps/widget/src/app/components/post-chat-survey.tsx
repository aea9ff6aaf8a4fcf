import { useState } from 'react';
import { ApiCallError, type PostChatSurveyRequest } from '@switchboard/protocol';
import { useT } from '../i18n.js';

type Props = { onSubmit(body: PostChatSurveyRequest): Promise<unknown> };

/** CH1: after the chat ends, CSAT 1-5 and an optional comment, inline; sent once. */
export function PostChatSurvey({ onSubmit }: Props) {
  const { t } = useT();
  const [rating, setRating] = useState<number | null>(null);
  const [comment, setComment] = useState('');
  const [state, setState] = useState<'asking' | 'sending' | 'done'>('asking');
  const [error, setError] = useState<string | null>(null);

  async function send() {
    if (rating === null) return setError(t('survey.pick'));
    setState('sending');
    setError(null);
    try {
      await onSubmit({ rating, ...(comment.trim() ? { comment: comment.trim() } : {}) });
      setState('done');
    } catch (err) {
      // Rated already (another tab): the answer stands, so thank them all the same.
      if (err instanceof ApiCallError && err.status === 409) return setState('done');
      setError(t('prechat.errors.network'));
      setState('asking');
    }
  }

  if (state === 'done')
    return (
      <p className="survey" data-testid="survey-thanks">
        {t('survey.thanks')}
      </p>
    );
  return (
    <div className="survey" data-testid="survey">
      <p>{t('survey.question')}</p>
      <div className="survey-stars" role="group" aria-label={t('survey.question')}>
        {[1, 2, 3, 4, 5].map((n) => (
          <button
            key={n}
            type="button"
            aria-pressed={rating === n}
            aria-label={t('survey.score', { n })}
            data-testid={`survey-rating-${n}`}
            onClick={() => setRating(n)}
          >
            {n}
          </button>
        ))}
      </div>
      <label className="field">
        <span>{t('survey.comment')}</span>
        <textarea
          data-testid="survey-comment"
          rows={2}
          maxLength={2000}
          value={comment}
          onChange={(e) => setComment(e.target.value)}
        />
      </label>
      {error && (
        <p className="prechat-error" role="alert">
          {error}
        </p>
      )}
      <button
        type="button"
        className="primary"
        data-testid="survey-submit"
        disabled={state === 'sending'}
        onClick={() => void send()}
      >
        {t('survey.submit')}
      </button>
    </div>
  );
}
