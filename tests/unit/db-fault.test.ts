import { describe, expect, it } from 'vitest';
import { dbFault } from '../../server/db/db-fault';

const coded = (code: string, message = 'x') => Object.assign(new Error(message), { code });

describe('a database error named by its fault', () => {
  it('tells a full disk, a read-only database and an unreachable one on SQLite and PostgreSQL', () => {
    expect(dbFault(coded('SQLITE_FULL', 'database or disk is full'))).toBe('disk-full');
    expect(dbFault(coded('53100'))).toBe('disk-full');
    expect(dbFault(coded('SQLITE_READONLY_DBMOVED'))).toBe('read-only');
    expect(dbFault(coded('25006'))).toBe('read-only');
    expect(dbFault(coded('ECONNREFUSED'))).toBe('unreachable');
    expect(dbFault(coded('57P01'))).toBe('unreachable');
  });

  it('looks through causes, and leaves every other error alone', () => {
    expect(dbFault(new Error('migration failed', { cause: coded('SQLITE_FULL') }))).toBe('disk-full');
    expect(dbFault(coded('SQLITE_CONSTRAINT_UNIQUE'))).toBeNull();
    expect(dbFault(coded('23505'))).toBeNull();
    expect(dbFault(new Error('cannot rollback - no transaction is active'))).toBeNull();
  });
});
