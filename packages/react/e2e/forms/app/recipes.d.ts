// The README's recipe blocks, served by ../readmeRecipes.ts.
declare module 'readme-recipe:react-hook-form' {
  export function EmailWithReactHookForm(): import('react').ReactNode
}
declare module 'readme-recipe:tanstack-form' {
  export function EmailWithTanStackForm(): import('react').ReactNode
}
