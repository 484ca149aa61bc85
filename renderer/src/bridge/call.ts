import type { ApiArgs, ApiMethod, ApiResult } from '../../../shared/api/workstation-api';
import { hostBridge } from './host-bridge';

/** A refusal or failure reported by the host, carried as an exception inside the renderer. */
export class HostError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** The host's failure code of an error, for the words the operator reads (i18n/failure-words.ts). */
export function failureCode(error: unknown): string {
  return error instanceof HostError ? error.code : 'other';
}

/** Calls the host and unwraps its reply: the value, or a HostError. */
export async function call<M extends ApiMethod>(method: M, args: ApiArgs<M>): Promise<ApiResult<M>> {
  if (!hostBridge) throw new HostError('no-host', 'no workstation host');
  const reply = await hostBridge.call(method, args);
  if (!reply.ok) throw new HostError(reply.error.code, reply.error.message);
  return reply.value;
}
