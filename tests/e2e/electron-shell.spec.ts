import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron } from '@playwright/test';
import { electronBinary } from '../../scripts/lib/electron-binary';
import { FAST_SYNC, test } from '../support/e2e-fixtures';
import {
  expectDecisionsOnServer,
  sendCitizenMessage,
  signIn,
  triageByKeyboard,
} from '../support/walking-skeleton-flow';

const executablePath = electronBinary();
// At file level, so no server is started for a test that cannot run; the test is still listed as skipped.
test.skip(!executablePath, 'Electron binary not available on this machine');

// The walking skeleton again, in the real Electron shell: app:// protocol, preload bridge, IPC.
test('in Electron, a WeChat message is triaged from the keyboard and the decisions reach the server', async ({
  server,
}) => {
  const userData = mkdtempSync(join(tmpdir(), 'yiwang-electron-'));
  // The project folder: Electron starts package.json's "main", out/electron/main.cjs (npm run build).
  const app = await _electron.launch({
    executablePath: executablePath!,
    args: ['.'],
    env: {
      ...process.env,
      YIWANG_SERVER_URL: server.url,
      YIWANG_USER_DATA_DIR: userData,
      YIWANG_POLL_MS: String(FAST_SYNC.pollMs),
      YIWANG_HOLD_MS: String(FAST_SYNC.holdMs),
    },
  });
  try {
    const window = await app.firstWindow();
    await sendCitizenMessage(server.url);
    await signIn(window);
    await triageByKeyboard(window);
    await expectDecisionsOnServer(server.dataDir);
  } finally {
    await app.close();
    rmSync(userData, { recursive: true, force: true });
  }
});
