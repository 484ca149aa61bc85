import type { PullResponse } from '../../../shared/sync/protocol';
import type { WorkstationCache } from '../cache/workstation-cache';
import { rebuildLocalView } from '../local-requests';

/**
 * Stores one pulled page in one transaction: the server state, the local views rebased on it, the
 * directory, suggestion models and keyword rules when newer, and the cursor last, so a crash mid-page simply pulls the page again.
 * Returns the ids of the requests that changed.
 */
export function applyPull(cache: WorkstationCache, page: PullResponse): string[] {
  return cache.transaction(() => {
    if (page.directory) {
      cache.directory.save(page.directory);
      cache.syncState.update({ directoryVersion: page.directory.version });
    }
    for (const model of page.models ?? []) cache.suggestionModels.save(model);
    if (page.suggestionRules) cache.suggestionRules.save(page.suggestionRules);
    for (const request of page.requests) {
      const known = cache.requests.server(request.id);
      cache.requests.saveServer(request);
      rebuildLocalView(cache, request.id);
      // A newer version means someone acted on it since the refusal, which is then old news.
      if (known && request.version > known.version) cache.requests.setRejection(request.id, null);
    }
    cache.claims.replace(page.claims);
    cache.syncState.update({ cursor: page.cursor });
    return page.requests.map((request) => request.id);
  });
}
