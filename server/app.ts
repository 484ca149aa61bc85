import Fastify, { LogController, type FastifyError, type FastifyInstance } from 'fastify';
import { accountRoutes } from './accounts/account-routes';
import { audit, operatorActor } from './audit/audit-log';
import { loginThrottle } from './auth/login-throttle';
import { alipayGateway } from './channels/alipay/gateway';
import { nonceCache } from './channels/nonce-cache';
import { wechatWebhook } from './channels/wechat/webhook';
import { weiboWebhook } from './channels/weibo/webhook';
import type { ServerConfig } from './config';
import { DB_FAULT_TEXT, dbFault, logDbFault, RETRY_AFTER_SECONDS } from './db/db-fault';
import { sqliteFileOf, type Db } from './db/open-database';
import { probeWrite } from './db/write-probe';
import { createDeadlineClock } from './deadlines/deadline-clock';
import { escalationLadder } from './deadlines/escalation-ladder';
import { holidayRoutes } from './deadlines/holiday-routes';
import { adminRoutes } from './directory/admin-routes';
import { sendError } from './http/send-error';
import { libraryRoutes } from './library/library-routes';
import { mediaRoutes } from './media/media-routes';
import { mediaStore } from './media/media-store';
import { mediaWorker } from './media/media-worker';
import { replyWorker } from './outbound/reply-worker';
import { wechatTokens } from './platforms/wechat-token';
import { reportRoutes } from './reports/report-routes';
import { createIntake } from './requests/create-intake';
import { historyRoutes } from './requests/history-routes';
import { retrainer } from './suggestions/retrainer';
import { replyTemplateRoutes } from './replies/reply-template-routes';
import { suggestionRulesRoutes } from './suggestions/suggestion-rules-routes';
import { supervisionRoutes } from './supervision/supervision-routes';
import { syncRoutes } from './sync/sync-routes';
import { unitPageRoutes } from './units/page/unit-page-routes';
import { unitApiRoutes } from './units/unit-api-routes';
import { UNIT_API } from '../shared/units/protocol';

const UNIT_LIST = `${UNIT_API}/requests`;

/** The central server's HTTP app: sync API, admin API, channel webhooks and a health check. */
export function buildApp(config: ServerConfig, db: Db): FastifyInstance {
  const app = Fastify({
    logger: { level: 'info' },
    // Behind a TLS proxy the client's address and https come from X-Forwarded-* (units' cookie Secure).
    trustProxy: config.trustProxy,
    // A webhook delivery is logged when refused, ignored or failing, not on every push: at WeChat's
    // rates two lines per delivery cost more than storing it. Units' pages and players poll their
    // open list every few seconds; those reads would bury everything else (failures still log).
    logController: new LogController({
      disableRequestLogging: (request) =>
        request.url.startsWith('/channels/') ||
        (request.method === 'GET' && (request.url === UNIT_LIST || request.url.startsWith(`${UNIT_LIST}?`))),
    }),
  });
  app.decorateRequest('session', null);
  app.decorate('sessionLifetime', config.sessionLifetime);
  app.decorate('loginThrottle', loginThrottle(db, config.loginLimits));
  // Every change an admin makes through the admin API is recorded with who made it (docs/security.md).
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? '';
    if (request.method === 'GET' || !route.startsWith('/api/admin/') || reply.statusCode >= 400) return;
    if (route.startsWith('/api/admin/accounts/')) return; // recorded by the account routes, with the account
    await audit(db, { ...operatorActor(request), action: 'admin-change', target: `${request.method} ${route}` });
  });

  // Every error leaves in the protocol's ApiError shape; server faults are logged, not explained.
  app.setErrorHandler((err: FastifyError, request, reply) => {
    const status = err.statusCode ?? 500;
    const fault = dbFault(err);
    if (fault) {
      logDbFault(request.log, fault, err);
      void reply.header('Retry-After', String(RETRY_AFTER_SECONDS));
      return sendError(reply, 503, fault, `${DB_FAULT_TEXT[fault]}; try again later`);
    }
    if (status >= 500) {
      request.log.error({ err }, 'request failed');
      return sendError(reply, 500, 'internal', 'internal server error');
    }
    return sendError(reply, status, err.code ?? 'bad-request', err.message);
  });
  app.setNotFoundHandler((request, reply) =>
    sendError(reply, 404, 'not-found', `no route ${request.method} ${request.url}`),
  );

  // A proxy takes an instance out of rotation on 503: the database must take a write, not merely answer.
  app.get('/healthz', async (request, reply) => {
    const { fault, detail } = await probeWrite(db, sqliteFileOf(config.databaseUrl));
    if (!fault) return { ok: true };
    logDbFault(request.log, fault, detail);
    return reply
      .code(503)
      .header('Retry-After', String(RETRY_AFTER_SECONDS))
      .send({ ok: false, reason: fault, message: DB_FAULT_TEXT[fault] });
  });
  const clock = createDeadlineClock(db, config.deadlinePolicy);
  const models = retrainer(db, config.retrain, app.log);
  app.addHook('onReady', () => models.start());
  app.addHook('onClose', () => models.stop());
  app.register(syncRoutes, { db, clock, claimLeaseMs: config.claimLeaseMs, onApplied: models.applied });
  app.register(suggestionRulesRoutes, { db });
  app.register(replyTemplateRoutes, { db });
  app.register(adminRoutes, { db });
  app.register(holidayRoutes, { db });
  app.register(unitApiRoutes, { db, clock });
  app.register(unitPageRoutes, { db, clock });
  app.register(supervisionRoutes, { db, clock });
  // The escalation ladder (督办) runs beside the HTTP server and stops with it.
  const ladder = escalationLadder({ db, clock, log: app.log, pollMs: config.ladderPollMs });
  app.addHook('onReady', async () => ladder.start());
  app.addHook('onClose', () => ladder.stop());
  app.register(historyRoutes, { db });
  app.register(reportRoutes, { db });
  app.register(libraryRoutes, { db });
  app.register(accountRoutes, { db });
  // Outbound replies and attachment fetches run beside the HTTP server and stop with it.
  const tokens = wechatTokens(db, config.platforms.wechat);
  const replies = replyWorker({
    db,
    channels: config.channels,
    platforms: config.platforms,
    tokens,
    timing: config.outbound,
    log: app.log,
  });
  const store = mediaStore(config.mediaDir);
  const media = mediaWorker({
    db,
    store,
    channels: config.channels,
    platforms: config.platforms,
    tokens,
    timing: config.media,
    log: app.log,
  });
  app.addHook('onReady', async () => {
    replies.start();
    media.start();
  });
  app.addHook('onClose', async () => {
    await Promise.all([replies.stop(), media.stop()]);
  });
  app.register(mediaRoutes, { db, store });
  const intake = createIntake(db, clock);
  const webhook = { intake, maxBodyBytes: config.maxWebhookBytes, maxClockSkewSeconds: config.maxClockSkewSeconds };
  const nonces = nonceCache(db, config.maxClockSkewSeconds);
  app.register(wechatWebhook, { ...webhook, nonces, accounts: config.channels.wechat });
  app.register(weiboWebhook, { ...webhook, nonces, accounts: config.channels.weibo });
  app.register(alipayGateway, { ...webhook, accounts: config.channels.alipay });
  return app;
}
