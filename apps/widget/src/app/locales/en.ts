/** English strings; nl and fr must have the same keys (the type checks it). */
export const en = {
  header: {
    title: 'Chat',
    minimize: 'Minimize chat',
  },
  loading: 'Loading your chat…',
  unavailable: 'This chat is not available right now. Please try again later.',
  /** CH1, CH5: the page gave no sign-in token for a widget that requires one. */
  signIn: {
    missing: 'The shop could not sign you in for this chat. Reload the page, or sign in again, and try once more.',
    failed: 'The shop did not answer in time to sign you in for this chat. Please try again.',
  },
  /** CH1: outside the widget's hours, the post-chat survey, the transcript. */
  offline: {
    message: 'We are not here right now. Leave a message and we will answer by email.',
    opens: 'We are back {{when}}.',
    yourMessage: 'Your message',
    submit: 'Leave a message',
    invalid: 'Please fill in your name, a valid email address and your message.',
  },
  survey: {
    question: 'How did we do?',
    score: '{{n}} out of 5',
    comment: 'Anything to add? (optional)',
    submit: 'Send rating',
    pick: 'Please pick a rating from 1 to 5.',
    thanks: 'Thank you for your feedback!',
  },
  transcript: { download: 'Download transcript' },
  prechat: {
    intro: 'Hi! Tell us who you are and what you need, and we will connect you with someone from our team.',
    name: 'Name',
    email: 'Email',
    question: 'How can we help?',
    submit: 'Start chat',
    submitting: 'Starting…',
    errors: {
      nameRequired: 'Please enter your name.',
      emailRequired: 'Please enter your email address.',
      emailInvalid: 'Please enter a valid email address.',
      questionRequired: 'Please tell us your question.',
      tooLong: '{{field}} is too long.',
      network: 'We could not reach the chat service. Check your connection and try again.',
    },
  },
  status: {
    waiting: 'Waiting for an agent…',
    connected: 'Chatting with {{name}}',
    ended: 'The chat has ended',
  },
  system: {
    joined: '{{name}} joined the chat',
    endedByYou: 'You ended the chat',
    endedBy: '{{name}} ended the chat',
    requeued: 'Waiting for another agent…',
  },
  message: {
    you: 'You',
    sending: 'Sending…',
    failed: 'Not sent: {{error}}',
    dismiss: 'Dismiss',
  },
  typing: '{{name}} is typing…',
  attachments: {
    attach: 'Attach a file',
    uploading: 'Uploading {{name}}…',
    failed: '{{name}} was not added: {{error}}',
    remove: 'Remove {{name}}',
    open: 'Open {{name}}',
    image: 'Image {{name}}',
    unavailable: 'The file cannot be shown',
  },
  composer: {
    label: 'Message',
    placeholder: 'Type a message…',
    send: 'Send',
    tooLong: 'This message is too long.',
  },
  end: {
    button: 'End chat',
    question: 'End this chat?',
    confirm: 'End chat',
    cancel: 'Cancel',
    failed: 'The chat could not be ended: {{error}}',
  },
  callback: {
    intro: 'Leave your details and we will call you back.',
    name: 'Name',
    phone: 'Phone number',
    email: 'Email (if you prefer)',
    when: 'Preferred time (optional)',
    note: 'What is it about? (optional)',
    submit: 'Call me back',
    submitting: 'Sending…',
    confirmed: 'Thank you, {{name}}. We will call you back {{when}}.',
    soon: 'as soon as we can',
    at: 'at {{time}}',
    network: 'Your request could not be sent. Check your connection and try again.',
  },
  newChat: 'Start a new chat',
  connection: {
    online: 'Connected',
    reconnecting: 'Reconnecting…',
  },
};

type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };
export type Translations = Strings<typeof en>;
