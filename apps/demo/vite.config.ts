import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'
import { sourceResolve } from '../../vitest.shared.ts'

/**
 * `/api/flowkit` goes to the Flowkit server (`@flowkit/server`, started by `npm run demo`), so the browser
 * talks to one origin and no CORS is needed. `FLOWKIT_SERVER_URL` points it elsewhere.
 */
const flowkitServer = process.env.FLOWKIT_SERVER_URL ?? 'http://127.0.0.1:8787'
const proxy = { '/api/flowkit': { target: flowkitServer } }

// Workspace packages are bundled from their sources (the `@flowkit/source` condition), so the demo
// builds and runs without building the packages first.
export default defineConfig({
  ...sourceResolve,
  plugins: [react()],
  server: { host: '127.0.0.1', port: 5173, proxy },
  preview: { host: '127.0.0.1', port: 4173, proxy },
  build: { target: 'es2022', sourcemap: true },
})
