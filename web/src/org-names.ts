import { useEffect, useState } from 'preact/hooks';
import { api } from './api';

// Organization names for ids the API returns bare (history, reports); fetched once each.
const cache = new Map<string, Promise<string>>();

function nameOf(id: string): Promise<string> {
  let found = cache.get(id);
  if (!found) {
    found = api<{ name: string }>(`/organizations/${encodeURIComponent(id)}`).then(
      (o) => o.name,
      () => id,
    );
    cache.set(id, found);
  }
  return found;
}

export function useOrgNames(ids: (string | null | undefined)[]): Record<string, string> {
  const [names, setNames] = useState<Record<string, string>>({});
  const key = [...new Set(ids.filter((x): x is string => !!x))].sort().join(',');
  useEffect(() => {
    let live = true;
    const wanted = key ? key.split(',') : [];
    void Promise.all(wanted.map(async (id) => [id, await nameOf(id)] as const)).then((pairs) => {
      if (live) setNames(Object.fromEntries(pairs));
    });
    return () => {
      live = false;
    };
  }, [key]);
  return names;
}
