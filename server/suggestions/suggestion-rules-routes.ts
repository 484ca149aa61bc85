import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { KeywordRules } from '../../shared/suggestions/keyword-rules';
import { requireSession } from '../auth/require-session';
import type { Db } from '../db/open-database';
import { parseBody } from '../http/parse-body';
import { loadSuggestionRules, replaceSuggestionRules } from './keyword-rule-store';

export const SUGGESTION_RULES_PATH = '/api/admin/suggestion-rules';

const PutRules = z.object({ rules: KeywordRules });

/** The keyword rules (words → category and unit) that suggest before a trained model exists; admins only. */
export const suggestionRulesRoutes: FastifyPluginAsync<{ db: Db }> = async (app, { db }) => {
  const admin = { preHandler: requireSession(db, ['admin']) };

  app.get(SUGGESTION_RULES_PATH, admin, async () => loadSuggestionRules(db));

  app.put(SUGGESTION_RULES_PATH, admin, async (request, reply) => {
    const body = parseBody(PutRules, request.body, reply);
    if (!body) return reply;
    return replaceSuggestionRules(db, body.rules);
  });
};
