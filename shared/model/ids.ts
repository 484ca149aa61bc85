import { z } from 'zod';

/** ULIDs: sortable by time and safe to generate on any machine (workstation or any server instance). */
export const Ulid = z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'expected a ULID');
export type Ulid = z.infer<typeof Ulid>;

/** ISO-8601 instant in UTC, e.g. 2026-11-28T03:27:18.000Z. */
export const Instant = z.iso.datetime({ offset: false });
export type Instant = z.infer<typeof Instant>;
