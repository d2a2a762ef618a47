/** `map`'s entry for `key`, made by `make` and kept on first use (a `Map` or a `WeakMap`). */
export const cached = <K, V>(map: { get(key: K): V | undefined; set(key: K, value: V): unknown }, key: K, make: () => V): V => {
  let value = map.get(key)
  if (value === undefined) {
    value = make()
    map.set(key, value)
  }
  return value
}
