// Numbers that change ten times a second are hard to read. A steady value follows its
// source at most every `ms` (the last value always arrives), and at once when `key`
// changes (a new state is news, a new byte count is not).

import { useEffect, useRef, useState } from 'react';

export function useSteadyValue<T>(value: T, key: unknown, ms: number): T {
  const [shown, setShown] = useState(value);
  const last = useRef({ at: 0, key });
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => {
    const now = Date.now();
    const wait = last.current.key !== key ? 0 : Math.max(0, last.current.at + ms - now);
    clearTimeout(timer.current);
    const show = () => {
      last.current = { at: Date.now(), key };
      setShown(value);
    };
    if (wait === 0) show();
    else timer.current = setTimeout(show, wait);
  }, [value, key, ms]);

  useEffect(() => () => clearTimeout(timer.current), []);
  // A changed key shows in this very render, not one frame later.
  return last.current.key !== key ? value : shown;
}
