import { createAuthStore } from '@switchboard/web';

export const useAuth = createAuthStore('switchboard.supervisor.auth');
