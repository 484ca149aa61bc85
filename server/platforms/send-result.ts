/**
 * What one attempt to send a reply came to.
 *   sent     the platform took it
 *   retry    the platform said it did not take it this time (busy, rate-limited, 5xx, no connection):
 *            sending again cannot make a duplicate
 *   failed   the platform refused it for good (window closed, unfollowed, bad request): shown with its code
 *   unknown  the call may have reached the platform but no answer came (timeout, reset): never resent,
 *            so the citizen never gets it twice; shown as failed, the operator decides
 */
export type SendResult = { outcome: 'sent' } | { outcome: 'retry' | 'failed' | 'unknown'; errorCode: string };

export const SENT: SendResult = { outcome: 'sent' };
