import { isPlainObject } from '@flowkit/core'
import { fail } from './fail'

const UNSAFE = new Set(['__proto__', 'prototype', 'constructor'])

const segments = (path: string): string[] => {
  const parts = path.split('.')
  if (parts.some((p) => p === '' || UNSAFE.has(p))) {
    fail(
      'INVALID_PATH',
      process.env.NODE_ENV !== 'production' &&
        `'${path}' is not a usable field path; use dot-separated names such as 'email' or 'address.zip' (no empty parts, no '__proto__', 'prototype' or 'constructor').`,
    )
  }
  return parts
}

/** The value at a dot path (`'address.zip'`) of a draft, or undefined. */
export const getPath = (value: unknown, path: string): unknown => {
  let v = value
  for (const key of segments(path)) v = isPlainObject(v) && Object.hasOwn(v, key) ? v[key] : undefined
  return v
}

/** A copy of `value` with the dot path set; objects on the way are copied, never mutated. */
export const setPath = (value: unknown, path: string, next: unknown): Record<string, unknown> => {
  const [key, ...rest] = segments(path) as [string, ...string[]]
  const record = isPlainObject(value) ? value : {}
  return { ...record, [key]: rest.length === 0 ? next : setPath(record[key], rest.join('.'), next) }
}
