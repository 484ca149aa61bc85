import { useEffect, useState } from 'react';
import type { LocalRequest, SearchFilters } from '../../../shared/api/workstation-api';
import { call } from '../bridge/call';

export interface RequestSearchState {
  items: LocalRequest[];
  tookMs: number | null;
}

const LIMIT = 30;

/** Searches the local archive as the operator types; only the latest query's answer is shown. */
export function useRequestSearch(text: string, filters: SearchFilters, enabled = true): RequestSearchState {
  const [state, setState] = useState<RequestSearchState>({ items: [], tookMs: null });
  const key = JSON.stringify([text, filters]);
  useEffect(() => {
    // The key stands for text and filters, which callers rebuild on every render.
    const [query, given] = JSON.parse(key) as [string, SearchFilters];
    const active = query.trim() !== '' || Object.keys(given).length > 0;
    if (!enabled || !active) {
      setState({ items: [], tookMs: null });
      return;
    }
    let current = true;
    call('search.requests', { query, filters: given, limit: LIMIT })
      .then((result) => current && setState({ items: result.items, tookMs: result.tookMs }))
      .catch(() => current && setState({ items: [], tookMs: null }));
    return () => {
      current = false;
    };
  }, [key, enabled]);
  return state;
}
