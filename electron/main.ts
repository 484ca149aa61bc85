import { readFile } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import {
  BrowserWindow,
  Menu,
  app,
  ipcMain,
  protocol,
  safeStorage,
  session,
  type MenuItemConstructorOptions,
  type WebFrameMain,
} from 'electron';
import { MEDIA_PATH } from '../shared/api/transport';
import { API_METHODS, IPC_CHANNELS, type ApiMethod } from '../shared/api/workstation-api';
import { pageCsp } from './browser-shell/page-csp';
import { keychainSeal } from './host/cache/token-seal';
import { startHost, type Host } from './host/start-host';

/**
 * The Electron main process is a router: it owns the window, the app:// protocol and the IPC
 * channel, and hands every call to the host, which runs in-process as plain Node.
 */

const SCHEME = 'app';
const APP_HOST = 'yiwang';
const ENTRY_URL = `${SCHEME}://${APP_HOST}/index.html`;
const RENDERER_DIR = resolve(__dirname, '../renderer');
const DEFAULT_SERVER_URL = 'http://127.0.0.1:7300';

// renderer/index.html's meta tag, narrowed to the media path, sent as a header so it also covers every response.
const CSP = pageCsp(`${SCHEME}://${APP_HOST}`);

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

// Tests and a second side-by-side profile set their own folder; it also scopes the single-instance lock.
if (process.env.YIWANG_USER_DATA_DIR) app.setPath('userData', process.env.YIWANG_USER_DATA_DIR);
// An installed app carries better-sqlite3 built for Electron as an extra resource (see build/electron-builder.yml).
if (app.isPackaged) process.env.YIWANG_SQLITE_BINDING = join(process.resourcesPath, 'native', 'better_sqlite3.node');

// Must run before `ready`: a standard, secure scheme gets a real origin, so CSP 'self' and module scripts work.
protocol.registerSchemesAsPrivileged([{ scheme: SCHEME, privileges: { standard: true, secure: true } }]);
app.enableSandbox();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    const window = BrowserWindow.getAllWindows()[0];
    if (window?.isMinimized()) window.restore();
    window?.focus();
  });
  app.on('window-all-closed', () => app.quit());
  app.whenReady().then(main, (error: unknown) => {
    console.error('yiwang: failed to start', error);
    app.exit(1);
  });
}

async function main(): Promise<void> {
  lockDownSessions();
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate()));

  const host = await startHost({
    dataDir: join(app.getPath('userData'), 'workstation'),
    // Exports go where staff look for documents, not into the hidden profile folder.
    exportsDir: join(app.getPath('documents'), '一网受理台账'),
    serverUrl: process.env.YIWANG_SERVER_URL ?? DEFAULT_SERVER_URL,
    allowHttpServer: process.env.YIWANG_ALLOW_HTTP_SERVER === '1',
    pollMs: optionalNumber(process.env.YIWANG_POLL_MS),
    holdMs: optionalNumber(process.env.YIWANG_HOLD_MS),
    tokenSeal: osKeychain() ? keychainSeal(safeStorage) : undefined,
  });
  protocol.handle(SCHEME, (request) => serveApp(request, host));
  ipcMain.handle(IPC_CHANNELS.call, async (event, method: unknown, args: unknown) => {
    if (!isAppFrame(event.senderFrame)) return { ok: false, error: { code: 'forbidden', message: 'unknown sender' } };
    if (!isApiMethod(method)) return { ok: false, error: { code: 'unknown-method', message: String(method) } };
    // The host validates `args` against the shared zod schemas.
    return host.call(method, args as never);
  });

  const window = createWindow();
  const unsubscribe = host.subscribe((event) => {
    if (!window.isDestroyed()) window.webContents.send(IPC_CHANNELS.event, event);
  });
  window.on('closed', unsubscribe);

  // Quit waits once for the host to stop its sync loop and close the cache file.
  let hostClosed = false;
  app.on('before-quit', (event) => {
    if (hostClosed) return;
    event.preventDefault();
    void host.close().finally(() => {
      hostClosed = true;
      app.quit();
    });
  });
}

function createWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 960,
    minHeight: 600,
    title: '一网受理工作台',
    show: false,
    webPreferences: {
      preload: join(__dirname, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      webviewTag: false,
      spellcheck: false,
    },
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(ENTRY_URL);
  return window;
}

/** Nothing but the app's own pages, in its own window, with no device permissions. */
function lockDownSessions(): void {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  app.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.on('will-navigate', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault();
    });
  });
}

/**
 * Serves out/renderer over app://yiwang/: GET only, no path outside the folder, CSP on every response;
 * attachments under /media/ come from the host, which checks and types them.
 */
async function serveApp(request: Request, host: Host): Promise<Response> {
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.host !== APP_HOST) return new Response('forbidden', { status: 403 });
  if (url.pathname.startsWith(MEDIA_PATH)) {
    const answer = await host.serveMedia(url.pathname.slice(MEDIA_PATH.length));
    return new Response(answer.body, { status: answer.status, headers: answer.headers });
  }
  let file: string;
  try {
    file = resolve(RENDERER_DIR, `.${decodeURIComponent(url.pathname)}`);
  } catch {
    return new Response('bad request', { status: 400 });
  }
  if (!file.startsWith(RENDERER_DIR + sep)) return new Response('forbidden', { status: 403 });
  try {
    const body = await readFile(file);
    const type = MIME_TYPES[extname(file)] ?? 'application/octet-stream';
    return new Response(body, {
      headers: { 'Content-Type': type, 'Content-Security-Policy': CSP, 'X-Content-Type-Options': 'nosniff' },
    });
  } catch {
    return new Response('not found', { status: 404 });
  }
}

// Non-special schemes have an opaque WHATWG origin ("null"), so compare scheme and host instead.
function isAppUrl(raw: string): boolean {
  try {
    const url = new URL(raw);
    return url.protocol === `${SCHEME}:` && url.host === APP_HOST;
  } catch {
    return false;
  }
}

/** Only the app's own top-level page may call the host (Electron security checklist, item 17). */
function isAppFrame(frame: WebFrameMain | null): boolean {
  return frame !== null && frame.parent === null && isAppUrl(frame.url);
}

function optionalNumber(value: string | undefined): number | undefined {
  return value === undefined || value === '' ? undefined : Number(value);
}

function isApiMethod(method: unknown): method is ApiMethod {
  return typeof method === 'string' && (API_METHODS as string[]).includes(method);
}

function menuTemplate(): MenuItemConstructorOptions[] {
  const view: MenuItemConstructorOptions[] = [
    { role: 'resetZoom', label: '实际大小' },
    { role: 'zoomIn', label: '放大' },
    { role: 'zoomOut', label: '缩小' },
    { type: 'separator' },
    { role: 'togglefullscreen', label: '全屏' },
  ];
  if (!app.isPackaged) view.push({ type: 'separator' }, { role: 'toggleDevTools', label: '开发者工具' });
  return [
    { label: '文件', submenu: [{ role: 'quit', label: '退出' }] },
    {
      label: '编辑',
      submenu: [
        { role: 'undo', label: '撤销' },
        { role: 'redo', label: '重做' },
        { type: 'separator' },
        { role: 'cut', label: '剪切' },
        { role: 'copy', label: '复制' },
        { role: 'paste', label: '粘贴' },
        { role: 'selectAll', label: '全选' },
      ],
    },
    { label: '视图', submenu: view },
    {
      label: '窗口',
      submenu: [
        { role: 'minimize', label: '最小化' },
        { role: 'close', label: '关闭' },
      ],
    },
  ];
}

/** The OS keychain, if there is a real one: on Linux without a secret service Electron falls back to a fixed key. */
function osKeychain(): boolean {
  if (!safeStorage.isEncryptionAvailable()) return false;
  return process.platform !== 'linux' || safeStorage.getSelectedStorageBackend() !== 'basic_text';
}
