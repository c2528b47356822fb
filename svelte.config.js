import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
  preprocess: vitePreprocess(),
  kit: {
    adapter: adapter({ out: 'build' }),
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
