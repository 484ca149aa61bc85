import type { PullResponse } from '../../../shared/sync/protocol';
import type { WorkstationCache } from '../cache/workstation-cache';
import { operatorNamer, rebuildLocalView } from '../local-requests';
import { directoryLookup, rebase } from '../local-view';

/**
 * Stores one pulled page in one transaction: the server state, the local views rebased on it, the
 * directory, suggestion models, keyword rules and reply templates when newer, and the cursor last, so a crash mid-page simply pulls the page again.
 * Returns the ids of the requests that changed, or whose claim holder did.
 */
export function applyPull(cache: WorkstationCache, page: PullResponse): string[] {
  return cache.transaction(() => {
    if (page.directory) {
      cache.directory.save(page.directory);
      cache.syncState.update({ directoryVersion: page.directory.version });
    }
    for (const model of page.models ?? []) cache.suggestionModels.save(model);
    if (page.suggestionRules) cache.suggestionRules.save(page.suggestionRules);
    if (page.replyTemplates) cache.replyTemplates.save(page.replyTemplates);
    // Once per page, not per request: a bootstrap brings 100,000 of them.
    const lookup = directoryLookup(cache.directory.get());
    const namer = operatorNamer(cache.session.get().operator);
    for (const request of page.requests) {
      const known = cache.requests.serverVersion(request.id);
      const json = cache.requests.saveServer(request);
      if (known !== null && known > request.version) {
        // A push answer already brought a newer state: rebase on what is stored.
        rebuildLocalView(cache, request.id);
        continue;
      }
      const view = rebase(request, cache.outbox.pendingFor(request.id), namer, lookup);
      cache.requests.saveLocal(view, view === request ? json : undefined);
      // A newer version means someone acted on it since the refusal, which is then old news.
      if (known !== null && request.version > known) cache.requests.setRejection(request.id, null);
    }
    const claimed = cache.claims.replace(page.claims);
    cache.syncState.update({ cursor: page.cursor });
    return [...new Set([...page.requests.map((request) => request.id), ...claimed])];
  });
}
