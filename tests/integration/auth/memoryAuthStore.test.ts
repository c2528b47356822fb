import { MemoryAuthStore } from '#server/auth/MemoryAuthStore';
import { authStoreContract } from './authStoreContract';

authStoreContract('memory', async () => ({ store: new MemoryAuthStore(), cleanup: async () => undefined }), {
  persistent: false
});
