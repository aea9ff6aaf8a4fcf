import type { StaffUser } from '@switchboard/protocol';
import { beforeEach, describe, expect, it } from 'vitest';
import { useAuth } from './auth-store';
import { presencePushed, resetPresenceSync, userRead } from './presence-sync';

const alice: StaffUser = {
  id: '00000000-0000-4000-8000-0000000000a1',
  orgId: '00000000-0000-4000-8000-0000000000f1',
  orgName: 'Contoso',
  email: 'alice@contoso.example',
  name: 'Alice',
  role: 'agent',
  presence: 'available',
  capacity: 3,
  usedCapacity: 0,
};

describe('the shown presence follows the server (AG1)', () => {
  beforeEach(() => {
    resetPresenceSync();
    useAuth.getState().signIn('token', { ...alice, presence: 'busy' });
  });

  it('a `me` answer read before the socket pushed the presence does not override the push', () => {
    const startedAt = 1_000;
    presencePushed('busy', 1_200);
    // The read began while the server still had the old socket's disconnect: offline.
    userRead({ ...alice, presence: 'offline', name: 'Alice B.' }, startedAt);
    expect(useAuth.getState().user).toMatchObject({ presence: 'busy', name: 'Alice B.' });
  });

  it('a `me` answer read after the last push is applied whole', () => {
    presencePushed('busy', 1_000);
    userRead({ ...alice, presence: 'away' }, 1_500);
    expect(useAuth.getState().user?.presence).toBe('away');
  });

  it('without any push the read is applied, and a later push wins', () => {
    userRead({ ...alice, presence: 'offline' }, 1_000);
    expect(useAuth.getState().user?.presence).toBe('offline');
    presencePushed('available', 2_000);
    expect(useAuth.getState().user?.presence).toBe('available');
  });
});
