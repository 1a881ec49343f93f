import { useCallback, useState } from "react";

/**
 * Form state that survives a CONFLICT: `base` is what was loaded, `values` what the user made of it.
 * `rebase(fresh)` loads the current version and re-applies exactly the fields the user changed, so
 * someone else's edits to other fields are kept and the user's own are not lost.
 */
export function useReapply<V extends Record<string, unknown>>(initial: V) {
  const [base, setBase] = useState(initial);
  const [values, setValues] = useState(initial);
  const set = useCallback(<K extends keyof V>(key: K, value: V[K]) => setValues((v) => ({ ...v, [key]: value })), []);
  const rebase = useCallback(
    (fresh: V) => {
      const merged = { ...fresh };
      for (const key of Object.keys(values) as (keyof V)[]) {
        if (JSON.stringify(values[key]) !== JSON.stringify(base[key])) merged[key] = values[key];
      }
      setBase(fresh);
      setValues(merged);
    },
    [base, values],
  );
  const load = useCallback((fresh: V) => {
    setBase(fresh);
    setValues(fresh);
  }, []);
  return { values, set, rebase, load, dirty: JSON.stringify(values) !== JSON.stringify(base) };
}
