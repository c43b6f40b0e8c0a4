import { vitePlugin as remix } from '@remix-run/dev'
import { defineConfig, type Plugin } from 'vite'
import tsconfigPaths from 'vite-tsconfig-paths'
import { AREA_CHUNKS_FILE, areaChunksOf, textsModuleOf } from './app/i18n/area-chunks'

declare module '@remix-run/node' {
  interface Future {
    v3_singleFetch: true
  }
}

/** Writes build/client/translation-areas.json: which chunks await which translation areas (app/i18n/area-chunks.ts). */
function translationAreaChunks(): Plugin {
  let serverBuild = false
  return {
    name: 'passerelle:translation-area-chunks',
    apply: 'build',
    configResolved(config) {
      serverBuild = Boolean(config.build.ssr)
    },
    generateBundle(_options, bundle) {
      if (serverBuild) return
      const chunks = Object.values(bundle).flatMap((output) => (output.type === 'chunk' ? [output] : []))
      this.emitFile({ type: 'asset', fileName: AREA_CHUNKS_FILE, source: JSON.stringify(areaChunksOf(chunks)) })
    },
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
    translationAreaChunks(),
  ],
  build: {
    target: 'es2022',
    rollupOptions: {
      output: {
        // A language's area is named in the network panel and found by bench/pages.ts: i18n-fr-needs-<hash>.js.
        chunkFileNames: (chunk) => {
          const texts = textsModuleOf(chunk.facadeModuleId)
          return texts ? `assets/i18n-${texts.language}-${texts.area}-[hash].js` : 'assets/[name]-[hash].js'
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
