import { useEffect, useLayoutEffect } from 'react'

/** A layout effect in the browser (it runs before the history binding's effect reads the location); an effect on the server, where neither runs. */
export const useIsomorphicLayoutEffect = typeof window === 'undefined' ? useEffect : useLayoutEffect
