import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
  preprocess: vitePreprocess(),
  kit: {
    adapter: adapter({ out: 'build' }),
    // Every page is sent with this policy. SvelteKit adds a nonce for its inline boot script
    // ('auto': a nonce on server-rendered pages, a hash on prerendered ones), so no other script
    // runs, whatever markup a card's text might smuggle in. Styles keep 'unsafe-inline': app.html
    // and Svelte write style attributes (measured: without it Chromium blocks them on every page),
    // and a style cannot run script. connect-src 'self' covers the same-origin ws:/wss: sync
    // socket (CSP Level 3); blob: and data: images are upload previews and inline icons.
    // Attachments carry their own sandbox policy (server/attachments/downloadHeaders.ts).
    // tests/e2e/csp.spec.ts uses the app under it and fails on any violation reported.
    csp: {
      mode: 'auto',
      directives: {
        'default-src': ['self'],
        'script-src': ['self'],
        'style-src': ['self', 'unsafe-inline'],
        'img-src': ['self', 'data:', 'blob:'],
        'font-src': ['self'],
        'connect-src': ['self'],
        'worker-src': ['self'],
        'manifest-src': ['self'],
        'media-src': ['self'],
        'object-src': ['none'],
        'frame-src': ['self'],
        'base-uri': ['self'],
        'form-action': ['self'],
        'frame-ancestors': ['none']
      }
    },
    // Registered by the app once a page has settled (src/lib/sync/offline-worker.ts), not at load.
    serviceWorker: { register: false },
    // The WebSocket upgrade checks Origin itself; forms and API calls keep SvelteKit's CSRF check.
    typescript: {
      config(tsconfig) {
        tsconfig.include.push(
          '../server/**/*.ts',
          '../tests/**/*.ts',
          '../bench/**/*.ts',
          '../scripts/**/*.ts',
          '../*.config.ts'
        );
        return tsconfig;
      }
    }
  }
};

export default config;
