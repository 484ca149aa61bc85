import { test } from '../support/e2e-fixtures';
import {
  expectDecisionsOnServer,
  sendCitizenMessage,
  signIn,
  triageByKeyboard,
} from '../support/walking-skeleton-flow';

// The whole path once, through real processes: a signed, encrypted WeChat push reaches the
// server, the browser-shell workstation shows it, the operator triages it from the keyboard,
// and the server's database holds the three decisions with operator, device and unit.
test('a WeChat message is triaged from the keyboard and the decisions reach the server', async ({
  server,
  workstation,
}) => {
  await sendCitizenMessage(server.url);
  await signIn(workstation);
  await triageByKeyboard(workstation);
  await expectDecisionsOnServer(server.dataDir);
});
