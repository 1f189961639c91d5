import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { precompress } from './scripts/precompress.ts';

/**
 * One config, three builds:
 * - `vite build`: the console served by the proxy (dist/), without MSW or the simulated provider;
 * - `vite build --mode demo`: the static demo (dist-demo/), which answers the API in a service worker;
 * - `vite build --ssr`: the proxy itself (dist-server/main.js) and the standalone simulated provider
 *   (dist-server/simulated-provider.js) for Node.
 */
export default defineConfig(({ mode, isSsrBuild }) => {
  const demo = mode === 'demo';
  // The simulated provider draws its QR images with qrcode's encoder only (no renderers, no PNG
  // library), bundled into the proxy's build and the demo's mock chunk: qrcode is not a runtime
  // dependency of the image.
  const qrEncoder = { find: /^qrcode$/, replacement: 'qrcode/lib/core/qrcode.js' };
  if (isSsrBuild) {
    return {
      publicDir: false,
      resolve: { alias: [qrEncoder] },
      ssr: { noExternal: ['qrcode', 'dijkstrajs'] },
      build: {
        outDir: 'dist-server',
        emptyOutDir: true,
        target: 'node20',
        copyPublicDir: false,
        rollupOptions: {
          input: { main: 'src/server/main.ts', 'simulated-provider': 'src/server/simulated-provider-main.ts' },
          output: { entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js', format: 'es' },
        },
      },
    };
  }
  return {
    // Every asset is also written as .br and .gz, which the proxy serves as they are.
    plugins: [react(), tailwindcss(), precompress()],
    resolve: { alias: [qrEncoder] },
    // The service worker file belongs to the demo only.
    publicDir: demo ? 'public' : false,
    // The demo is static files that may be served from any folder.
    base: demo ? './' : '/',
    build: {
      outDir: demo ? 'dist-demo' : 'dist',
      emptyOutDir: true,
      sourcemap: false,
      target: 'es2022',
      // No modulepreload polyfill in the entry: index.html preloads nothing, and a browser without
      // modulepreload (Safari before 17) only fetches a lazy chunk's imports once the chunk runs;
      // the boot asks for the lazy chunks at once anyway (src/app/first-screen.ts).
      modulePreload: { polyfill: false },
      rollupOptions: {
        output: {
          chunkFileNames: localeChunkNames,
          // Everything the page loads at once is one chunk, run in import order: zod-setup first,
          // before any schema exists (split, a shared chunk ran ahead of it and broke the CSP).
          // What the lazy screens share (the form library, the phone step) is one chunk more.
          codeSplitting: {
            groups: [
              { name: 'index', tags: ['$initial'], priority: 2 },
              { name: 'shared', minShareCount: 2, priority: 1 },
            ],
          },
        },
      },
    },
    test: {
      projects: [
        {
          extends: true,
          test: {
            name: 'unit',
            environment: 'node',
            include: ['src/**/*.test.ts'],
            // The state suites start their own redis-server: installed here once, not by each file at once.
            globalSetup: ['src/test/ensure-servers.ts'],
            // These tests drive real proxies over real HTTP; on a loaded two-core machine a test of a
            // few dozen calls can take several seconds without anything being wrong.
            testTimeout: 20_000,
          },
        },
        {
          extends: true,
          test: {
            name: 'component',
            environment: 'jsdom',
            include: ['src/**/*.test.tsx'],
            setupFiles: ['src/test/setup-dom.ts'],
          },
        },
      ],
    },
  };
});

/**
 * A locale's two parts by language: `en-….js` is the first screen's words (the one the bundle budget
 * counts with the entry), `later-en-….js` the later screens' (fetched beside their chunks).
 */
function localeChunkNames(chunk: { name: string; facadeModuleId: string | null }): string {
  const part = /locales\/([\w-]+)\/(first|later)\.ts$/.exec(chunk.facadeModuleId ?? '');
  if (!part) return 'assets/[name]-[hash].js';
  return part[2] === 'first' ? `assets/${part[1]}-[hash].js` : `assets/later-${part[1]}-[hash].js`;
}
