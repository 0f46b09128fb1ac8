// Many rules ask the same question of one parsed file (or one operation, one icon): the answer is
// computed once and kept beside the object it is about, in a WeakMap, so it goes when the file goes.

/** `compute`, called at most once per key object. */
export function memoizeByObject<K extends object, V extends NonNullable<unknown> | null>(compute: (key: K) => V): (key: K) => V {
  const cache = new WeakMap<K, V>();
  return (key) => {
    let value = cache.get(key);
    if (value === undefined) cache.set(key, (value = compute(key)));
    return value;
  };
}
