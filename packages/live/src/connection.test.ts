import { describe, expect, it } from 'vitest';
import { connectionChanged, connectionLabel, initialConnection } from './connection.js';

describe('connection status', () => {
  it('says connecting until the first connection, then reconnecting whenever it drops', () => {
    expect(connectionLabel(initialConnection)).toBe('connecting');
    const dropped = connectionChanged(initialConnection, 'reconnecting');
    expect(connectionLabel(dropped)).toBe('connecting');
    const online = connectionChanged(dropped, 'online');
    expect(online).toEqual({ status: 'online', everConnected: true });
    expect(connectionLabel(online)).toBe('online');
    expect(connectionLabel(connectionChanged(online, 'reconnecting'))).toBe('reconnecting');
  });
});
