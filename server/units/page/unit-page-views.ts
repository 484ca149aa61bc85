import { MAX_EXTENSION_WORKING_DAYS } from '../../../shared/model';
import type { ClockOutcome } from '../../../shared/units/clock-outcomes';
import type { UnitAccount, UnitRequestState, UnitRequestView } from '../../../shared/units/protocol';
import { html, type SafeHtml } from './escape-html';
import { beijingMinute, duration } from './format';

/** Server-rendered pages of the units' web page (责任单位办理页). No script: forms post, the server redirects. */

export interface Flash {
  tone: 'notice' | 'error';
  text: string;
}

export function layout(title: string, body: SafeHtml, account: UnitAccount | null, csrf: string): string {
  const signedIn = account
    ? html`<form class="signout" method="post" action="/units/logout">
        ${csrfField(csrf)} <span>${account.unitName} · ${account.name}</span> <button type="submit">退出</button>
      </form>`
    : '';
  return html`<!doctype html>
    <html lang="zh-CN">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${title} · 一网受理 · 责任单位</title>
        <link rel="stylesheet" href="/units/style.css" />
      </head>
      <body>
        <header><a class="brand" href="/units/">一网受理 · 责任单位办理</a>${signedIn}</header>
        <main>${body}</main>
      </body>
    </html>`.value;
}

export function loginPage(csrf: string, flash: Flash | null): string {
  const body = html`<h1>单位账号登录</h1>
    ${flashBox(flash)}
    <form class="card narrow" method="post" action="/units/login">
      ${csrfField(csrf)}
      <label>账号 <input name="name" autocomplete="username" required maxlength="100" /></label>
      <label
        >密码 <input name="password" type="password" autocomplete="current-password" required maxlength="200"
      /></label>
      <button type="submit">登录</button>
    </form>`;
  return layout('登录', body, null, csrf);
}

const STATE_TABS: [UnitRequestState, string][] = [
  ['open', '待办理'],
  ['answered', '已答复'],
  ['all', '全部'],
];

export function listPage(
  account: UnitAccount,
  requests: UnitRequestView[],
  state: UnitRequestState,
  csrf: string,
  flash: Flash | null,
  now: Date,
): string {
  const tabs = STATE_TABS.map(([key, label]) =>
    key === state ? html`<strong>${label}</strong>` : html`<a href="/units/?state=${key}">${label}</a>`,
  );
  const rows = requests.map(
    (r) =>
      html`<tr class="${r.clocks.unit.state}">
        <td><a href="/units/requests/${r.id}">${r.number}</a></td>
        <td class="text">${excerpt(r.text)}</td>
        <td>${beijingMinute(r.timeline.transferredAt ?? r.receivedAt)}</td>
        <td>${clockText(r.clocks.unit, now)}</td>
        <td>${r.reminderCount > 0 ? html`<span class="remind">督办 ${r.reminderCount}</span>` : ''}</td>
      </tr>`,
  );
  const table = requests.length
    ? html`<table>
        <thead>
          <tr>
            <th>编号</th>
            <th>诉求</th>
            <th>转派时间</th>
            <th>办理时限</th>
            <th></th>
          </tr>
        </thead>
        <tbody>
          ${rows}
        </tbody>
      </table>`
    : html`<p class="empty">没有${STATE_TABS.find(([key]) => key === state)![1]}的诉求。</p>`;
  const body = html`<h1>${account.unitName}的诉求</h1>
    ${flashBox(flash)}
    <nav class="tabs">${tabs}</nav>
    ${table}`;
  return layout('诉求列表', body, account, csrf);
}

export function detailPage(
  account: UnitAccount,
  r: UnitRequestView,
  csrf: string,
  flash: Flash | null,
  now: Date,
): string {
  const open = r.status === 'transferred';
  const body = html`<p><a href="/units/">← 返回列表</a></p>
    <h1>诉求 ${r.number}</h1>
    ${flashBox(flash)}
    <section class="card">
      <p class="meta">
        收到
        ${beijingMinute(r.receivedAt)}${r.categoryId ? html` · 分类 ${r.categoryId}` : ''}${r.attachments.length ? html` · 附件 ${r.attachments.length} 个` : ''}
      </p>
      <pre class="citizen">${r.text}</pre>
    </section>
    <section class="card">
      <h2>时限</h2>
      <dl class="clocks">
        <dt>单位办理</dt>
        <dd>
          ${clockText(r.clocks.unit, now)}${r.deadlines.extensionWorkingDays ? html`（已延期 ${r.deadlines.extensionWorkingDays} 个工作日）` : ''}
        </dd>
        <dt>答复承诺</dt>
        <dd>${clockText(r.clocks.answer, now)}</dd>
        <dt>受理确认</dt>
        <dd>${clockText(r.clocks.acknowledge, now)}</dd>
      </dl>
    </section>
    ${
      r.lastReminder
        ? html`<section class="card remind">
            <h2>督办（${r.reminderCount} 次）</h2>
            <p>${beijingMinute(r.lastReminder.at)}：${r.lastReminder.text}</p>
          </section>`
        : ''
    }
    ${
      r.answerRejection
        ? html`<section class="card remind" data-testid="answer-rejection">
            <h2>答复被退回，请重新答复</h2>
            <p>${beijingMinute(r.answerRejection.at)}：${r.answerRejection.text}</p>
          </section>`
        : ''
    }
    ${
      r.unitAnswer
        ? html`<section class="card">
            <h2>本单位答复</h2>
            <pre>${r.unitAnswer}</pre>
          </section>`
        : ''
    }
    ${
      r.unitProgress
        ? html`<section class="card">
            <h2>最新进展（${beijingMinute(r.unitProgress.at)}）</h2>
            <pre>${r.unitProgress.text}</pre>
          </section>`
        : ''
    }
    ${
      r.extensionRequest
        ? html`<section class="card">
            <h2>延期申请待批</h2>
            <p>${r.extensionRequest.workingDays} 个工作日：${r.extensionRequest.reason}</p>
          </section>`
        : ''
    }
    ${
      r.extensionRefusal
        ? html`<section class="card remind">
            <h2>延期申请未获批准</h2>
            <p>${beijingMinute(r.extensionRefusal.at)}：${r.extensionRefusal.text}</p>
          </section>`
        : ''
    }
    ${open ? actionForms(r, csrf) : ''}`;
  return layout(`诉求 ${r.number}`, body, account, csrf);
}

function actionForms(r: UnitRequestView, csrf: string): SafeHtml {
  const action = (word: string) => `/units/requests/${r.id}/${word}`;
  return html`<section class="card">
      <h2>答复</h2>
      <form method="post" action="${action('answer')}">
        ${csrfField(csrf)}
        <textarea name="text" required maxlength="4000" rows="5" placeholder="办理结果，将转告市民"></textarea
        ><button type="submit">提交答复</button>
      </form>
    </section>
    <section class="card">
      <h2>进展说明</h2>
      <form method="post" action="${action('progress')}">
        ${csrfField(csrf)}
        <textarea
          name="text"
          required
          maxlength="4000"
          rows="3"
          placeholder="暂时无法办结的，说明已做的工作和下一步"
        ></textarea
        ><button type="submit">提交进展</button>
      </form>
    </section>
    <section class="card">
      <h2>申请延期</h2>
      <form method="post" action="${action('extension')}">
        ${csrfField(csrf)}
        <label
          >延长
          <input name="workingDays" type="number" min="1" max="${MAX_EXTENSION_WORKING_DAYS}" value="3" required />
          个工作日</label
        >
        <textarea name="reason" required maxlength="2000" rows="2" placeholder="延期理由"></textarea
        ><button type="submit">申请延期</button>
      </form>
    </section>
    <section class="card danger">
      <h2>退单</h2>
      <form method="post" action="${action('return')}">
        ${csrfField(csrf)}
        <textarea
          name="reason"
          required
          maxlength="2000"
          rows="2"
          placeholder="不属于本单位职责的理由，以及建议的承办单位"
        ></textarea
        ><button type="submit">退回受理中心</button>
      </form>
    </section>`;
}

function clockText(clock: ClockOutcome, now: Date): SafeHtml {
  if (clock.dueAt === null) return html`<span class="none">—</span>`;
  const due = beijingMinute(clock.dueAt);
  const left = Date.parse(clock.dueAt) - now.getTime();
  switch (clock.state) {
    case 'running':
      return html`<span class="running">剩余 ${duration(left)}（${due} 前）</span>`;
    case 'overdue':
      return html`<span class="overdue">已超时 ${duration(left)}（应于 ${due}）</span>`;
    case 'met':
      return html`<span class="met">按时完成（${beijingMinute(clock.doneAt!)}，时限 ${due}）</span>`;
    case 'missed':
      return html`<span class="overdue">超时完成（${beijingMinute(clock.doneAt!)}，时限 ${due}）</span>`;
    case 'none':
      return html`<span class="none">时限 ${due}</span>`;
  }
}

function csrfField(csrf: string): SafeHtml {
  return html`<input type="hidden" name="csrf" value="${csrf}" />`;
}

function flashBox(flash: Flash | null): SafeHtml | string {
  return flash ? html`<p class="flash ${flash.tone}" role="status">${flash.text}</p>` : '';
}

function excerpt(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 60 ? `${line.slice(0, 60)}…` : line;
}
