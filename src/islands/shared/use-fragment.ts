// The address's fragment, which carries the private links (#code=…&t=…) and the ticket's lookup
// (#lookup=…). Opening another link in the same tab changes only the fragment: the page is not
// loaded again, so the island follows `hashchange` and its caller keys what it shows on the
// fragment, so that nothing of the last link's booking or request stays on screen.
import { useCallback, useEffect, useState } from 'react';

/** The fragment now, and a function that takes it out of the address (a token leaves the screen). */
export function useFragment(): [string, () => void] {
  const [fragment, setFragment] = useState(() => location.hash);
  useEffect(() => {
    const follow = () => setFragment(location.hash);
    addEventListener('hashchange', follow);
    return () => removeEventListener('hashchange', follow);
  }, []);
  const clear = useCallback(() => {
    history.replaceState(null, '', location.pathname + location.search);
    setFragment('');
  }, []);
  return [fragment, clear];
}
