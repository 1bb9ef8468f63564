import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';

/**
 * A part of the popup kept out of its first script and loaded when it is rendered: the parts that
 * show nothing on most opens (an organization's access request, a widget's page offer), so the
 * first paint does not wait for the settings schema and the dialer catalog they need.
 */
export function LaterPart({ load }: { load: () => Promise<ComponentType> }) {
  const [Part, setPart] = useState<ComponentType | null>(null);
  useEffect(() => {
    let mounted = true;
    load().then(
      (loaded) => mounted && setPart(() => loaded),
      (failure) => console.error('Rebound: a part of the popup did not load', failure),
    );
    return () => {
      mounted = false;
    };
  }, [load]);
  return Part ? <Part /> : null;
}
