import { createAuthStore } from '@switchboard/web';

export const useAuth = createAuthStore('switchboard.admin.auth');
