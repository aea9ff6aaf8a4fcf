/** Whether an app's realtime connection is up; anything else is on its way back. */
export type ConnectionStatus = 'online' | 'reconnecting';

export type ConnectionState = {
  status: ConnectionStatus;
  /** False until the first connection: the app then says "connecting" rather than "reconnecting". */
  everConnected: boolean;
};

/** Before the first connection. */
export const initialConnection: ConnectionState = { status: 'reconnecting', everConnected: false };

export function connectionChanged(state: ConnectionState, status: ConnectionStatus): ConnectionState {
  return { status, everConnected: state.everConnected || status === 'online' };
}

/** What the status shows: each value has its text in every app's translations (`connection.*`). */
export type ConnectionLabel = 'online' | 'connecting' | 'reconnecting';

export function connectionLabel({ status, everConnected }: ConnectionState): ConnectionLabel {
  if (status === 'online') return 'online';
  return everConnected ? 'reconnecting' : 'connecting';
}
