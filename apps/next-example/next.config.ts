import type { NextConfig } from 'next'

// Nothing to configure: @flowkit/core and @flowkit/react are used as any app would install them (their built `dist`).
const config: NextConfig = {}

export default config
