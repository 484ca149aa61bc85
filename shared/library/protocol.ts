import { z } from 'zod';
import { Instant, Ulid } from '../model/ids';
import { CalendarDate, LibraryEntry } from './library-entry';
import { LibraryMatch } from './relevance';

/**
 * The answer library's HTTP API (bearer token, as the sync API):
 *   GET   /api/library/search?q=&limit=   any operator        → LibrarySearchResponse (typed words, best first)
 *   POST  /api/library/matches            any operator        LibraryMatchRequest → LibraryMatchResponse
 *   POST  /api/library/pull               any operator        LibraryPullRequest → LibraryPullResponse (the workstation's copy)
 *   PATCH /api/library/entries/:id        supervisor, admin   LibraryEdit → LibraryEntry
 *   POST  /api/library/documents          supervisor, admin   PolicyImport → PolicyImportResult
 *   GET   /api/library/documents          any operator        → PolicyDocument[]
 */
export const LIBRARY_API = '/api/library';
export const LIBRARY_ENTRY_ROUTE = `${LIBRARY_API}/entries/:id`;
export function libraryEntryPath(id: string): string {
  return LIBRARY_ENTRY_ROUTE.replace(':id', encodeURIComponent(id));
}

export const LibrarySearchQuery = z.object({
  q: z.string().max(200),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type LibrarySearchQuery = z.input<typeof LibrarySearchQuery>;

export const LibrarySearchResponse = z.object({ entries: z.array(LibraryEntry) });
export type LibrarySearchResponse = z.infer<typeof LibrarySearchResponse>;

export const LibraryMatchRequest = z.object({
  text: z.string().max(8000),
  /** The request asking, whose own entry is left out. */
  requestId: Ulid.nullable().default(null),
  limit: z.number().int().min(1).max(20).default(5),
});
export type LibraryMatchRequest = z.input<typeof LibraryMatchRequest>;

export const LibraryMatchResponse = z.object({ matches: z.array(LibraryMatch) });
export type LibraryMatchResponse = z.infer<typeof LibraryMatchResponse>;

/** A bootstrap of 100,000 entries is 20 pages. */
export const MAX_LIBRARY_PAGE = 5000;

export const LibraryPullRequest = z.object({
  /** Opaque; null for "from the beginning". */
  cursor: z.string().nullable(),
  limit: z.number().int().min(1).max(MAX_LIBRARY_PAGE).default(2000),
});
export type LibraryPullRequest = z.input<typeof LibraryPullRequest>;

export const LibraryPullResponse = z.object({
  cursor: z.string().nullable(),
  /** Entries added or changed since the cursor (retired ones too, so copies drop them), oldest change first. */
  entries: z.array(LibraryEntry),
  hasMore: z.boolean(),
});
export type LibraryPullResponse = z.infer<typeof LibraryPullResponse>;

/** The document formats an import reads. */
export const PolicyFormat = z.enum(['text', 'markdown', 'docx', 'pdf']);
export type PolicyFormat = z.infer<typeof PolicyFormat>;

/** A policy document to import, its file's bytes in base64 (at most about 20 MB). */
export const PolicyImport = z.object({
  title: z.string().trim().min(1).max(500),
  issuer: z.string().trim().min(1).max(200),
  issuedOn: CalendarDate,
  validUntil: CalendarDate.nullable().default(null),
  fileName: z.string().trim().min(1).max(300),
  content: z.string().min(1).max(28_000_000),
});
export type PolicyImport = z.input<typeof PolicyImport>;

export const PolicyDocument = z.object({
  id: Ulid,
  title: z.string(),
  issuer: z.string(),
  issuedOn: CalendarDate,
  validUntil: CalendarDate.nullable(),
  fileName: z.string(),
  format: PolicyFormat,
  passages: z.number().int().nonnegative(),
  importedAt: Instant,
  importedBy: z.string(),
});
export type PolicyDocument = z.infer<typeof PolicyDocument>;

export const PolicyImportResult = z.object({ document: PolicyDocument });
export type PolicyImportResult = z.infer<typeof PolicyImportResult>;
