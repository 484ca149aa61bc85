import { mkdirSync, readFileSync } from 'node:fs';
import { buildApp } from './app';
import { ACCOUNT_USAGE, AccountCommandError, isAccountCommand, runAccountCommand } from './accounts/account-commands';
import { ensureAdmin, ensureDemoOperators } from './auth/operators';
import { describePasswordProblems, passwordProblems } from './auth/password-policy';
import { ConfigError, loadConfig, READY_PREFIX } from './config';
import { backupDatabase, BackupError, restoreDatabase } from './db/backup';
import { migrateToLatest } from './db/migrate';
import { DB_FAULT_TEXT } from './db/db-fault';
import { openDatabase, sqliteFileOf, type Db } from './db/open-database';
import { oneInstanceAtATime } from './db/start-up-lock';
import { probeWrite, sqliteFileWritable, type ProbeResult } from './db/write-probe';
import { importCategories } from './directory/import-categories';
import { seedDirectory } from './directory/seed-directory';
import { IMPORT_HISTORY_USAGE, importHistoryCommand } from './history/import-history-command';
import { warmStart } from './history/warm-start';
import { IMPORT_POLICY_USAGE, importPolicyCommand } from './library/import-policy-command';
import { seedReplyTemplates } from './replies/reply-template-store';
import { seedSuggestionRules } from './suggestions/keyword-rule-store';
import { ensureDemoUnitAccounts } from './units/unit-accounts';

/**
 * The central server's entry.
 *   tsx server/main.ts                                      serve (prints YIWANG_SERVER_READY <url>)
 *   tsx server/main.ts import-categories <file.csv>         import the category tree
 *   tsx server/main.ts import-history <file.csv> --text … --category … --unit …   past requests, then train
 *   tsx server/main.ts add-operator <name> [role]              the password on standard input
 *   tsx server/main.ts add-unit-account <name> <unitId>         the password on standard input
 *   tsx server/main.ts set-password operator|unit <name>        the password on standard input; ends its sessions
 *   tsx server/main.ts disable-account|enable-account operator|unit <name>
 *   tsx server/main.ts backup <file>                        a consistent copy of the database, while it serves
 *   tsx server/main.ts restore <file>                       into a new, empty database (docs/deploy.md)
 *   tsx server/main.ts import-policy <file> --title T --issuer I --date YYYY-MM-DD [--valid-until YYYY-MM-DD]
 */
const USAGE = `usage: main.ts [serve | import-categories <file.csv> | ${IMPORT_HISTORY_USAGE} | ${ACCOUNT_USAGE} | backup <file> | restore <file> | ${IMPORT_POLICY_USAGE}]`;

async function main(args: string[]): Promise<void> {
  const config = loadConfig();
  mkdirSync(config.dataDir, { recursive: true });
  // Before the database is opened: a backup changes nothing in it, and a restore needs it empty.
  if (args[0] === 'backup' || args[0] === 'restore') return backupOrRestore(config.databaseUrl, args[0], args[1]);
  const file = sqliteFileOf(config.databaseUrl);
  const writable = file ? sqliteFileWritable(file) : null;
  if (writable?.fault) return cannotStart(writable);
  const db = openDatabase(config.databaseUrl, { poolSize: config.dbPoolSize });
  await oneInstanceAtATime(db, async () => {
    await migrateToLatest(db);
    await seedDirectory(db);
    await seedSuggestionRules(db);
    await seedReplyTemplates(db);
    const created = await ensureAdmin(db, config.adminPassword);
    if (created?.generated) {
      // Shown this once, on the console only: the database keeps just its hash.
      console.error(
        `yiwang server: created operator admin with the password ${created.generated}\n` +
          '  it is shown only this once; sign in with it, or start with YIWANG_ADMIN_PASSWORD set on first start',
      );
    }
    if (created && !created.generated && !config.demo) warnIfWeak(config.adminPassword ?? '');
    if (config.demo) {
      await Promise.all([ensureDemoOperators(db), ensureDemoUnitAccounts(db)]);
    }
  });

  const [command = 'serve', ...rest] = args;
  switch (command) {
    case 'serve':
      return serve(config, db);
    case 'import-categories': {
      const [file] = rest;
      if (!file) return fail(db, USAGE);
      const result = await importCategories(db, readFileSync(file, 'utf8'));
      console.log(
        `imported ${file}: ${result.added} added, ${result.unchanged} already present, directory version ${result.directoryVersion}`,
      );
      return db.destroy();
    }
    case 'import-policy': {
      process.exitCode = await importPolicyCommand(db, rest);
      return db.destroy();
    }
    case 'import-history': {
      process.exitCode = await importHistoryCommand(db, rest, config.retrain.minPerClass);
      return db.destroy();
    }
    default:
      if (!isAccountCommand(command)) return fail(db, USAGE);
      try {
        await runAccountCommand(db, command, rest);
      } catch (err) {
        if (err instanceof AccountCommandError) return fail(db, err.message);
        throw err;
      }
      return db.destroy();
  }
}

async function serve(config: ReturnType<typeof loadConfig>, db: Db): Promise<void> {
  // Refuse to start rather than print READY and fail every delivery: nothing here can fix a read-only or full disk.
  const probe = await probeWrite(db, sqliteFileOf(config.databaseUrl));
  if (probe.fault) {
    await db.destroy();
    return cannotStart(probe);
  }
  const app = buildApp(config, db);
  const accounts = Object.values(config.channels).flat().length;
  if (config.demo) {
    app.log.warn(
      { demo: true },
      'DEMO MODE (YIWANG_DEMO=1): the public demo channel accounts (their secrets are in the README), demo staff with guessable passwords and admin/admin; never let this server be reached from outside',
    );
  } else if (accounts === 0) {
    app.log.warn('no channel accounts: set YIWANG_CHANNELS_FILE to take messages from WeChat, Weibo or Alipay');
  }
  if (config.warmStartDir) await warmStart(db, config.warmStartDir, config.retrain.minPerClass, app.log);
  await app.listen({ host: config.host, port: config.port });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  process.stdout.write(`${READY_PREFIX}http://127.0.0.1:${port}\n`);

  let closing = false;
  const shutdown = async () => {
    if (closing) return;
    closing = true;
    await app.close();
    await db.destroy();
    process.exit(0);
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
}

/** Exit code 3: the database will not take writes (full, read-only, unreachable), named on stderr. */
function cannotStart({ fault, detail }: ProbeResult): void {
  console.error(`yiwang server: cannot start: ${DB_FAULT_TEXT[fault!]} (${detail ?? ''})`);
  process.exit(3);
}

async function backupOrRestore(databaseUrl: string, command: 'backup' | 'restore', file?: string): Promise<void> {
  if (!file) {
    console.error(USAGE);
    process.exitCode = 2;
    return;
  }
  try {
    if (command === 'backup') await backupDatabase(databaseUrl, file);
    else await restoreDatabase(databaseUrl, file);
  } catch (err) {
    if (!(err instanceof BackupError)) throw err;
    console.error(`yiwang server: ${command}: ${err.message}`);
    process.exitCode = 2;
    return;
  }
  console.log(
    command === 'backup'
      ? `backed up the database to ${file}`
      : `restored ${file}; the server brings its schema up to date when it starts`,
  );
}

/** A weak YIWANG_ADMIN_PASSWORD is taken (refusing would leave no way in) but said loudly, with the way out. */
function warnIfWeak(password: string): void {
  const problems = passwordProblems(password, 'admin');
  if (problems.length === 0) return;
  console.error(
    `yiwang server: YIWANG_ADMIN_PASSWORD does not meet the password policy (${describePasswordProblems(problems)});\n` +
      '  change it now: printf \'%s\\n\' "$NEW_PASSWORD" | tsx server/main.ts set-password operator admin',
  );
}

async function fail(db: Db, message: string): Promise<void> {
  console.error(message);
  await db.destroy();
  process.exitCode = 2;
}

main(process.argv.slice(2)).catch((err: unknown) => {
  // A wrong setting is the operator's to fix: its name and what it should be, no stack trace.
  if (err instanceof ConfigError) {
    console.error(`yiwang server: ${err.message}`);
    process.exit(2);
  }
  console.error(err);
  process.exit(1);
});
