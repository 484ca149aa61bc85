import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { UnitAction } from '../../../shared/model';
import {
  UNIT_ACTION_PATHS,
  UnitRequestState,
  type UnitAccount,
  type UnitActionPath,
} from '../../../shared/units/protocol';
import type { Db } from '../../db/open-database';
import type { DeadlineClock } from '../../deadlines/deadline-clock';
import { guardedSignIn } from '../../auth/sign-in-guard';
import { checkUnitSignIn } from '../unit-accounts';
import { actAsUnit } from '../unit-actions';
import { findUnitRequest, listUnitRequests, toUnitView } from '../unit-requests';
import { unitScope } from '../unit-scope';
import { createUnitSession, endUnitSession, findUnitSession } from '../unit-sessions';
import { pageCookie, parseCookies } from './cookies';
import { CSRF_COOKIE, csrfMatches, newCsrfToken } from './csrf';
import { UNIT_PAGE_CSS } from './unit-page-style';
import { detailPage, listPage, loginPage, type Flash } from './unit-page-views';

const SESSION_COOKIE = 'yw_unit';
const MAX_FORM_BYTES = 64 * 1024;

/** No script anywhere, styles only from our own file, forms only to ourselves, never framed. */
const CSP =
  "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

/** Fixed notices after a redirect; the query names one, so nothing from the URL is ever echoed. */
const DONE: Record<string, string> = {
  answer: '答复已提交，受理中心将转告市民。',
  progress: '进展说明已提交。',
  extension: '延期申请已提交，等待督查室批准。',
  return: '已退单，诉求回到受理中心重新分派。',
};

type Form = Record<string, string>;

/**
 * The units' web page at /units/: sign in, the unit's list with its clocks, one request with forms to answer,
 * explain progress, ask for an extension or return it. Cookie session (HttpOnly, SameSite=Strict) and a
 * double-submit CSRF token on every form.
 */
export const unitPageRoutes: FastifyPluginAsync<{ db: Db; clock: DeadlineClock }> = async (app, { db, clock }) => {
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: MAX_FORM_BYTES },
    (_request, body, done) => done(null, Object.fromEntries(new URLSearchParams(body as string))),
  );
  app.addHook('onSend', async (_request, reply) => {
    reply.header('content-security-policy', CSP);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
    reply.header('cache-control', 'no-store');
  });

  /** The CSRF token for this browser, set as a cookie when it has none yet. */
  function csrfOf(request: FastifyRequest, reply: FastifyReply): string {
    const existing = parseCookies(request.headers.cookie).get(CSRF_COOKIE);
    if (existing) return existing;
    const token = newCsrfToken();
    addCookie(request, reply, CSRF_COOKIE, token);
    return token;
  }

  async function signedIn(
    request: FastifyRequest,
  ): Promise<{ account: UnitAccount; scope: string[]; token: string } | null> {
    const token = parseCookies(request.headers.cookie).get(SESSION_COOKIE);
    const account = token ? await findUnitSession(db, token, request.server.sessionLifetime) : null;
    return account && token ? { account, scope: await unitScope(db, account.unitId), token } : null;
  }

  /** A POST's form, or null (after answering 403) when its CSRF token does not match the cookie. */
  function checkedForm(request: FastifyRequest, reply: FastifyReply): Form | null {
    const form = (typeof request.body === 'object' && request.body !== null ? request.body : {}) as Form;
    if (csrfMatches(parseCookies(request.headers.cookie).get(CSRF_COOKIE), form.csrf)) return form;
    reply.code(403).type('text/plain; charset=utf-8').send('表单已过期，请返回页面刷新后重试。');
    return null;
  }

  app.get('/units/style.css', async (_request, reply) => reply.type('text/css; charset=utf-8').send(UNIT_PAGE_CSS));

  app.get('/units', async (_request, reply) => reply.redirect('/units/', 301));

  app.get<{ Querystring: { state?: string; done?: string } }>('/units/', async (request, reply) => {
    const csrf = csrfOf(request, reply);
    const unit = await signedIn(request);
    if (!unit) return sendPage(reply, 200, loginPage(csrf, null));
    const state = UnitRequestState.catch('open').parse(request.query.state);
    const now = new Date();
    const requests = (await listUnitRequests(db, unit.scope, state)).map((r) => toUnitView(r, now));
    return sendPage(reply, 200, listPage(unit.account, requests, state, csrf, doneFlash(request.query.done), now));
  });

  app.post('/units/login', async (request, reply) => {
    const form = checkedForm(request, reply);
    if (!form) return reply;
    const name = form.name ?? '';
    const account = await guardedSignIn(db, request, reply, 'unit', name, () =>
      checkUnitSignIn(db, name, form.password ?? ''),
    );
    if (account === 'throttled') return reply;
    if (account === 'wrong')
      return sendPage(reply, 401, loginPage(csrfOf(request, reply), { tone: 'error', text: '账号或密码错误。' }));
    addCookie(request, reply, SESSION_COOKIE, await createUnitSession(db, account.id));
    return reply.redirect('/units/', 303);
  });

  app.post('/units/logout', async (request, reply) => {
    if (!checkedForm(request, reply)) return reply;
    const unit = await signedIn(request);
    if (unit) await endUnitSession(db, unit.token);
    addCookie(request, reply, SESSION_COOKIE, '', true);
    return reply.redirect('/units/', 303);
  });

  app.get<{ Params: { id: string }; Querystring: { done?: string } }>('/units/requests/:id', async (request, reply) => {
    const csrf = csrfOf(request, reply);
    const unit = await signedIn(request);
    if (!unit) return reply.redirect('/units/', 303);
    const found = await findUnitRequest(db, unit.scope, request.params.id);
    if (!found) return notFound(reply);
    const now = new Date();
    return sendPage(
      reply,
      200,
      detailPage(unit.account, toUnitView(found, now), csrf, doneFlash(request.query.done), now),
    );
  });

  app.post<{ Params: { id: string; action: string } }>('/units/requests/:id/:action', async (request, reply) => {
    const form = checkedForm(request, reply);
    if (!form) return reply;
    const unit = await signedIn(request);
    if (!unit) return reply.redirect('/units/', 303);
    const word = request.params.action as UnitActionPath;
    const kind = UNIT_ACTION_PATHS[word] as string | undefined;
    if (!kind) return notFound(reply);
    const { csrf: _csrf, ...fields } = form;
    const parsed = UnitAction.safeParse({
      ...fields,
      kind,
      ...(fields.workingDays ? { workingDays: Number(fields.workingDays) } : {}),
    });
    const outcome = parsed.success
      ? await actAsUnit(db, clock, unit.account, unit.scope, request.params.id, parsed.data)
      : null;
    if (outcome?.outcome === 'not-found') return notFound(reply);
    if (outcome?.outcome === 'applied') {
      // A returned request has left the unit: back to the list.
      const to = word === 'return' ? '/units/' : `/units/requests/${request.params.id}`;
      return reply.redirect(`${to}?done=${word}`, 303);
    }
    const found = await findUnitRequest(db, unit.scope, request.params.id);
    if (!found) return notFound(reply);
    const text = outcome
      ? `未能提交：${outcome.rejection.message}`
      : '未能提交：请填写完整（文字不能为空，延期为 1–30 个工作日）。';
    const now = new Date();
    return sendPage(
      reply,
      outcome ? 409 : 400,
      detailPage(unit.account, toUnitView(found, now), csrfOf(request, reply), { tone: 'error', text }, now),
    );
  });
};

function sendPage(reply: FastifyReply, status: number, page: string): FastifyReply {
  return reply.code(status).type('text/html; charset=utf-8').send(page);
}

function notFound(reply: FastifyReply): FastifyReply {
  return reply.code(404).type('text/plain; charset=utf-8').send('没有这条诉求，或它不属于本单位。');
}

function doneFlash(done: string | undefined): Flash | null {
  const text = done === undefined ? undefined : DONE[done];
  return text ? { tone: 'notice', text } : null;
}

function addCookie(request: FastifyRequest, reply: FastifyReply, name: string, value: string, clear = false): void {
  const previous = reply.getHeader('set-cookie');
  const list = previous === undefined ? [] : Array.isArray(previous) ? previous : [String(previous)];
  reply.header('set-cookie', [...list, pageCookie(name, value, { secure: request.protocol === 'https', clear })]);
}
