import { defineConfig } from 'vite'

// Library build: ES modules; React, zustand, dagre and the @flowkit packages are left to the consumer's bundler. Types come from `tsc -p tsconfig.build.json`.
export default defineConfig({
  build: {
    target: 'es2022',
    minify: false,
    sourcemap: true,
    lib: { entry: { index: 'src/index.ts', diagram: 'src/diagram/index.ts', storybook: 'src/storybook/index.ts' }, formats: ['es'] },
    rollupOptions: {
      external: [/^react($|\/)/, /^react-dom($|\/)/, /^zustand/, /^@flowkit\/(core|tools)/, /^@dagrejs\//, /^@storybook\//],
    },
  },
})
