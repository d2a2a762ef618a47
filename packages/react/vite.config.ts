import { defineConfig } from 'vite'

// Every entry of @flowkit/react binds React state (hooks, context), so each is a client module: the
// directive must open the built file for Next.js and other React Server Components bundlers to treat
// imports from a Server Component as client references. Bundling drops module directives found in
// sources, so the build writes it at the top of each entry chunk instead.
const USE_CLIENT = '"use client";'

// Library build: ES modules; React, zustand, dagre and the @flowkit packages are left to the consumer's bundler. Types come from `tsc -p tsconfig.build.json`.
export default defineConfig({
  build: {
    target: 'es2022',
    minify: false,
    sourcemap: true,
    lib: {
      entry: {
        index: 'src/index.ts',
        diagram: 'src/diagram/index.ts',
        storybook: 'src/storybook/index.ts',
        'react-router': 'src/routers/react-router/index.ts',
        'tanstack-router': 'src/routers/tanstack-router/index.ts',
        next: 'src/routers/next/index.ts',
      },
      formats: ['es'],
    },
    rollupOptions: {
      external: [
        /^react($|\/)/,
        /^react-dom($|\/)/,
        /^zustand/,
        /^@flowkit\/(core|tools)/,
        /^@dagrejs\//,
        /^@storybook\//,
        /^react-router($|\/)/,
        /^@tanstack\//,
        /^next($|\/)/,
      ],
      output: { banner: (chunk) => (chunk.isEntry ? USE_CLIENT : '') },
      // The routers' sources open with 'use client' too (for apps that bundle the source); the banner above puts it in the output, so the warning that bundling may drop it says nothing.
      onwarn(warning, warn) {
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('use client')) return
        warn(warning)
      },
    },
  },
})
