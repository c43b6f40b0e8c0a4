import { vitePlugin as remix } from '@remix-run/dev'
import { defineConfig } from 'vite'
import tsconfigPaths from 'vite-tsconfig-paths'

declare module '@remix-run/node' {
  interface Future {
    v3_singleFetch: true
  }
}

export default defineConfig({
  plugins: [
    remix({
      ignoredRouteFiles: ['**/.*', '**/*.test.*'],
      future: {
        v3_fetcherPersist: true,
        v3_relativeSplatPath: true,
        v3_throwAbortReason: true,
        v3_singleFetch: true,
        v3_lazyRouteDiscovery: true,
      },
    }),
    tsconfigPaths(),
  ],
  build: {
    target: 'es2022',
    rollupOptions: {
      output: {
        // A language's area is named in the network panel and found by bench/pages.ts: i18n-fr-needs-<hash>.js.
        chunkFileNames: (chunk) => {
          const area = chunk.facadeModuleId?.match(/\/app\/i18n\/locales\/(fr|en)\/(\w+)\.ts$/)
          return area ? `assets/i18n-${area[1]}-${area[2]}-[hash].js` : 'assets/[name]-[hash].js'
        },
      },
    },
  },
  // Pre-bundle what the first page needs, so a cold dev start never re-optimises mid-load
  // (which would serve two copies of React).
  optimizeDeps: {
    include: [
      'react',
      'react-dom',
      'react-dom/client',
      'react/jsx-runtime',
      'react/jsx-dev-runtime',
      'i18next',
      'react-i18next',
      '@remix-run/react',
      '@remix-run/node',
      'zod',
      '@conform-to/react',
      '@conform-to/zod',
      'socket.io-client',
      '@visx/group',
      '@visx/scale',
      '@visx/shape',
    ],
    // Server-only: reached by the dependency scan through *.server.ts files, never shipped.
    exclude: ['mongoose'],
  },
})
