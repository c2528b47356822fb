import { MemoryDocStore } from '#server/store/MemoryDocStore';
import { docStoreContract } from './docStoreContract';

docStoreContract(
  'memory',
  async () => {
    const store = new MemoryDocStore();
    return { store, cleanup: () => store.close() };
  },
  { persistent: false }
);
