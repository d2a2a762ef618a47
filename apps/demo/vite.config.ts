import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'
import { sourceResolve } from '../../vitest.shared'

// Workspace packages are bundled from their sources (the `@flowkit/source` condition), so the demo
// builds and runs without building the packages first.
export default defineConfig({
  ...sourceResolve,
  plugins: [react()],
  server: { host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1', port: 4173 },
  build: { target: 'es2022', sourcemap: true },
})
