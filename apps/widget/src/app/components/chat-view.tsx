import { useT } from '../i18n.js';
import type { ChatSession, ChatSnapshot } from '../lib/chat-session.js';
import { chatStatus } from '@switchboard/live';
import { CallbackForm } from './callback-form.js';
import { Composer } from './composer.js';
import { MessageList } from './message-list.js';
import { StatusLine } from './status-line.js';
import { PostChatSurvey } from './post-chat-survey.js';
import { TranscriptButton } from './transcript-button.js';

type Props = { snap: ChatSnapshot; session: ChatSession; onNewChat(): void };

export function ChatView({ snap, session, onNewChat }: Props) {
  const { t } = useT();
  const status = chatStatus(snap.status);
  return (
    <section className="chat">
      <StatusLine status={status} agentName={snap.status.agentName} onEnd={() => session.end()} />
      <MessageList
        events={snap.timeline.events}
        outbox={snap.outbox}
        agentTyping={snap.agentTyping}
        onDismiss={(id) => session.dismiss(id)}
        loadFile={session.fileBlob}
      />
      {snap.callback && <CallbackForm callback={snap.callback} onSubmit={(r) => session.requestCallback(r)} />}
      {status === 'ended' ? (
        <div className="ended">
          {snap.config?.postChatSurvey && <PostChatSurvey onSubmit={(body) => session.rate(body)} />}
          <TranscriptButton load={session.transcript} />
          <button type="button" className="primary" data-testid="chat-new" onClick={onNewChat}>
            {t('newChat')}
          </button>
        </div>
      ) : (
        <Composer
          onSend={(text, files) => session.send(text, files)}
          onUpload={(file) => session.upload(file)}
          onTyping={() => session.typing()}
        />
      )}
    </section>
  );
}
