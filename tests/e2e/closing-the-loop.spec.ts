import { satisfactionQuestion } from '../../shared/replies/satisfaction-answer';
import { REPORTS_API, Summary } from '../../shared/reports/summary';
import { LoginResponse, SYNC_PATHS } from '../../shared/sync/protocol';
import { citizenWrites } from '../support/citizen-writes';
import { answeredByPolice, POLICE, requestInQueue, transferByKeyboard, unitDesk } from '../support/closing-the-loop';
import { expect, testWithPlatforms } from '../support/e2e-fixtures';
import { jsonClient } from '../support/json-client';

// The back half of the work, through real processes: the unit's staff answer or return a request on the
// units' web page in a browser of their own, and it comes back into the operator's queue, where one key
// passes the answer on to the citizen and closes it.

const test = testWithPlatforms.extend({
  serverEnv: async ({ platforms }, use) => {
    await use({
      YIWANG_DEMO: '1',
      YIWANG_PLATFORM_URL: platforms.url,
      YIWANG_OUTBOUND_POLL_MS: '100',
      YIWANG_OUTBOUND_RETRY_BASE_MS: '100',
    });
  },
});

const CITIZEN_TEXT = '昨晚在公交车上手机被偷了，已经报警，想问一下案件有没有进展。';
const ANSWER = '经查，嫌疑人已于今日抓获，被盗手机已追回，请携带身份证到城南派出所领取。';

test('a unit answers on its page; the answer comes back marked 单位已答复 and Enter sends it to the citizen on WeChat and closes; their 1 rates it and the summary counts it', async ({
  browser,
  server,
  platforms,
  workstation: page,
}) => {
  const {
    citizen: openId,
    number,
    rows,
    row,
    unit,
  } = await answeredByPolice(
    { page, browser, serverUrl: server.url },
    { channel: 'wechat', text: CITIZEN_TEXT },
    ANSWER,
  );
  await unit.close();

  // Back in the queue with the badge, the answer in full, and what Enter will do said before it is pressed.
  await expect(page.getByTestId('unit-answer')).toHaveText(ANSWER);
  await expect(page.getByTestId('relay')).toHaveAttribute('data-open', 'true');
  await expect(page.getByTestId('relay-enter')).toContainText('微信');
  // The timeline: who did what, as whom, from which device, with the unit's answer in full.
  const step = (kind: string) => page.locator(`[data-testid="timeline-event"][data-kind="${kind}"]`);
  // The citizen's message is above the timeline, once: its step says when it came.
  await expect(step('message')).toContainText('收到诉求');
  await expect(page.getByTestId('detail').getByText(CITIZEN_TEXT)).toHaveCount(1);
  await expect(step('transfer')).toContainText('管理员');
  await expect(step('transfer')).toContainText(POLICE.name);
  await expect(step('unit-answer')).toHaveAttribute('data-actor', 'unit');
  await expect(step('unit-answer')).toContainText(`${POLICE.name} · ${POLICE.account}`);
  await expect(step('unit-answer').getByTestId('timeline-text')).toHaveText(ANSWER);

  await page.keyboard.press('Enter');
  await expect(rows).toHaveCount(0);

  // The simulated WeChat API received the answer, in the centre's words, for that citizen, once.
  const relayed = `您反映的问题（编号 ${number}），经${POLICE.name}核实：${ANSWER}`;
  const sends = () =>
    platforms.calls.filter((call) => call.channel === 'wechat' && call.api === 'send' && call.text === relayed);
  await expect.poll(() => sends().length, { timeout: 30_000 }).toBe(1);
  expect(sends()[0]).toMatchObject({ authorised: true, recipient: openId, answer: '0' });

  // Closed, in the done view.
  await page.keyboard.press('g');
  await page.keyboard.press('d');
  await expect(row).toHaveAttribute('data-status', 'closed', { timeout: 15_000 });

  // 回访: the close asked the citizen on WeChat how it went; their "1" is the request's rating, not a new request,
  // and the centre's summary counts it.
  const asked = () =>
    platforms.calls.filter(
      (call) => call.api === 'send' && call.recipient === openId && call.text === satisfactionQuestion(number),
    );
  await expect.poll(() => asked().length, { timeout: 30_000 }).toBe(1);
  await citizenWrites(server.url, { channel: 'wechat', citizen: openId, text: '1' });
  await expect(row.getByTestId('rating')).toHaveAttribute('data-score', 'satisfied', { timeout: 30_000 });
  await page.keyboard.press('g');
  await page.keyboard.press('q');
  await expect(rows).toHaveCount(0);
  const http = jsonClient(server.url);
  const admin = LoginResponse.parse(
    (await http.post(SYNC_PATHS.login, { name: 'admin', password: 'admin', deviceId: 'ws-summary-reader' })).body,
  );
  const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  const summary = await http.get(`${REPORTS_API}/summary?from=${today}&to=${today}`, admin.token);
  expect(Summary.parse(summary.body)).toMatchObject({
    received: 1,
    closed: 1,
    rated: 1,
    satisfied: 1,
    satisfactionRate: 1,
    byOperator: [{ operatorName: '管理员', closed: 1, rated: 1, satisfied: 1, satisfactionRate: 1 }],
  });
  // The supervisors' view shows it per operator: who closed it, and how the citizen rated it.
  await page.keyboard.press('g');
  await page.keyboard.press('s');
  const ratings = page.getByTestId('operator-rating-row');
  await expect(ratings).toHaveCount(1);
  await expect(ratings).toContainText('管理员');
  await expect(ratings.getByTestId('operator-satisfaction')).toHaveText('100%');
});

test('the citizen answers the satisfaction question with 不满意: the request is back in the queue, reopened and flagged', async ({
  browser,
  server,
  platforms,
  workstation: page,
}) => {
  const {
    citizen: openId,
    number,
    row,
    rows,
    unit,
  } = await answeredByPolice(
    { page, browser, serverUrl: server.url },
    { channel: 'wechat', text: CITIZEN_TEXT },
    ANSWER,
  );
  await unit.close();
  await page.keyboard.press('Enter');
  await expect(row).toHaveCount(0);

  // The question reached the citizen after the answer; they answer in words.
  const asked = () =>
    platforms.calls.filter(
      (call) => call.api === 'send' && call.recipient === openId && call.text === satisfactionQuestion(number),
    );
  await expect.poll(() => asked().length, { timeout: 30_000 }).toBe(1);
  await citizenWrites(server.url, { channel: 'wechat', citizen: openId, text: '不满意' });

  await expect(row).toHaveCount(1, { timeout: 30_000 });
  await expect(rows).toHaveCount(1);
  await expect(row.getByTestId('rating')).toHaveAttribute('data-score', 'dissatisfied');
  await expect(row).toHaveAttribute('data-status', 'new');
  // Flagged in the operator's words, in either language.
  await expect(row.getByTestId('unit-news')).toHaveText('市民不满意·重新办理');
  await expect(page.getByTestId('unit-news-panel')).toContainText('已重新进入队列，请重新办理');
  await page.keyboard.press('Shift+L');
  await expect(row.getByTestId('unit-news')).toHaveText('Citizen not satisfied · handle again');
  await expect(page.getByTestId('unit-news-panel')).toContainText('back in the queue to be handled again');
});

test('a unit returns a request with a reason: it is back in the queue with the reason, and the third return flags it', async ({
  browser,
  server,
  workstation: page,
}) => {
  const { requestId, row } = await requestInQueue(page, server.url, {
    channel: 'weibo',
    text: '邻居装修噪音太大，周末一早就开始施工。',
  });
  const unit = await unitDesk(browser, server.url, POLICE.account);

  for (const [n, reason] of [
    '装修噪音不属于公安职责，建议转住建部门',
    '仍非本单位职责',
    '第三次退回：请转城管',
  ].entries()) {
    await transferByKeyboard(page, POLICE.query, POLICE.name);
    await expect(row).toHaveCount(0);
    await unit.giveBack(requestId, reason);
    await expect(row).toHaveCount(1, { timeout: 30_000 });
    await expect(row.getByTestId('unit-news')).toHaveText('退单');
    await expect(row.getByTestId('return-reason')).toHaveText(reason);
    await expect(page.getByTestId('detail-return-reason')).toHaveText(reason);
    // Returned more than twice: flagged, in the row and the detail pane.
    await expect(row.getByTestId('return-flag')).toHaveCount(n === 2 ? 1 : 0);
  }
  await expect(row.getByTestId('return-flag')).toHaveText('反复退单 3 次');
  await expect(page.getByTestId('unit-news-panel')).toContainText('超过两次');
  await expect(page.locator('[data-testid="timeline-event"][data-kind="unit-return"]')).toHaveCount(3);
  await unit.close();
});

test('a phone callback of 不满意 recorded with v sends the closed request back to the queue, flagged, with its rating', async ({
  browser,
  server,
  workstation: page,
}) => {
  const { row, unit } = await answeredByPolice(
    { page, browser, serverUrl: server.url },
    { channel: 'wechat', text: CITIZEN_TEXT },
    ANSWER,
  );
  await unit.close();
  await page.keyboard.press('Enter');
  await expect(row).toHaveCount(0);

  // v on the closed request: 3 (不满意), a note, Enter.
  await page.keyboard.press('g');
  await page.keyboard.press('d');
  await expect(row).toHaveAttribute('data-status', 'closed', { timeout: 15_000 });
  await page.keyboard.press('v');
  await expect(page.getByTestId('callback')).toBeVisible();
  await page.keyboard.type('3');
  await expect(page.getByTestId('picker-option')).toHaveCount(1);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('callback-note')).toBeVisible();
  await page.keyboard.type('手机还没有领到，派出所说不知道此事');
  await page.keyboard.press('Enter');

  await page.keyboard.press('g');
  await page.keyboard.press('q');
  await expect(row).toHaveCount(1, { timeout: 15_000 });
  await expect(row.getByTestId('unit-news')).toHaveText('市民不满意·重新办理');
  await expect(row.getByTestId('rating')).toHaveAttribute('data-score', 'dissatisfied');
  await expect(page.getByTestId('detail-rating')).toContainText('手机还没有领到');
  await expect(page.locator('[data-testid="timeline-event"][data-kind="record-callback"]')).toContainText('不满意', {
    timeout: 15_000,
  });
});

test('past WeChat’s 48 hours the workstation says so and Enter sends nothing; u sends the answer back to the unit, p records a phone call and closes', async ({
  browser,
  server,
  platforms,
  workstation: page,
}) => {
  // Written 49 hours ago: past WeChat's window by the time the answer comes back.
  const { requestId, row, unit } = await answeredByPolice(
    { page, browser, serverUrl: server.url },
    { channel: 'wechat', text: CITIZEN_TEXT, sentAt: new Date(Date.now() - 49 * 60 * 60_000) },
    '已处理。',
  );

  // Said before the key is pressed, with the other routes; Enter then sends nothing and says why.
  await expect(page.getByTestId('relay')).toHaveAttribute('data-open', 'false');
  await expect(page.getByTestId('relay-closed')).toHaveAttribute('data-reason', 'expired');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: '渠道已无法送达该市民，未发送' })).toHaveCount(1);
  await expect(row).toHaveCount(1);

  // u: not a real answer; back to the unit with the reason, which its page shows.
  await page.keyboard.press('u');
  await expect(page.getByTestId('reject-answer')).toBeVisible();
  await page.keyboard.type('未实质答复，未说明手机是否追回');
  await page.keyboard.press('Enter');
  await expect(row).toHaveCount(0);
  await expect(async () => {
    await unit.page.goto(`${server.url}/units/requests/${requestId}`);
    await expect(unit.page.getByTestId('answer-rejection')).toContainText('未实质答复', { timeout: 1000 });
  }).toPass({ timeout: 30_000 });

  // The unit answers properly; p: told by phone, recorded, closed.
  await unit.answer(requestId, ANSWER);
  await unit.close();
  await expect(row.getByTestId('unit-news')).toHaveText('单位已答复', { timeout: 30_000 });
  await expect(page.getByTestId('answer-rejection')).toHaveCount(0);
  await page.keyboard.press('p');
  await expect(page.getByTestId('relay-phone')).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(row).toHaveCount(0);
  await page.keyboard.press('g');
  await page.keyboard.press('d');
  await expect(row).toHaveAttribute('data-status', 'closed', { timeout: 15_000 });
  await expect(page.locator('[data-testid="timeline-event"][data-kind="note"]')).toContainText('已电话告知市民', {
    timeout: 15_000,
  });
  await expect(page.locator('[data-testid="timeline-event"][data-kind="reject-answer"]')).toContainText('未实质答复');
  // Nothing went out on WeChat but the transfer's acknowledgement, which the platform refused (past 48 hours).
  expect(platforms.calls.filter((c) => c.channel === 'wechat' && c.api === 'send' && c.text?.includes(ANSWER))).toEqual(
    [],
  );
});
