import { electronSqliteBinding } from './lib/electron-native';

// `npm run dist` step: build better-sqlite3 for Electron into out/native (see lib/electron-native.ts).
console.log(`better-sqlite3 for Electron: ${electronSqliteBinding()}`);
