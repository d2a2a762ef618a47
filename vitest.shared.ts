import { defaultClientConditions, defaultServerConditions, type UserConfig } from 'vite'

/** Workspace packages are read from `src` in tests, dev and Storybook through this export condition. */
export const sourceCondition = '@flowkit/source'

/** Resolve options every package's Vitest project and every Vite app shares. */
export const sourceResolve: Pick<UserConfig, 'resolve' | 'ssr'> = {
  resolve: { conditions: [sourceCondition, ...defaultClientConditions] },
  ssr: { resolve: { conditions: [sourceCondition, ...defaultServerConditions] } },
}
