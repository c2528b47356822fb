import type { PageLoad } from './$types';

// The board renders from its Yjs document (IndexedDB first, then the server), so the page shell
// needs no server data and can be served from the service worker's cache when offline.
export const ssr = false;

export const load: PageLoad = ({ params }) => ({ boardId: params.id });
