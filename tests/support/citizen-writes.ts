import { DEMO_CHANNELS } from '../../server/channels/demo-accounts';
import { deliveryOf, type BuildOptions, type CitizenMessage } from '../../simulator/citizen-message';
import { postDelivery } from '../../simulator/post-delivery';

/** A citizen's message: text unless said, sent now unless said. */
export type Written = Omit<CitizenMessage, 'kind' | 'sentAt'> & Partial<Pick<CitizenMessage, 'kind' | 'sentAt'>>;

/**
 * Delivers the message through the demo account's real webhook, signed as the platform signs it,
 * and throws unless the server took it. Free of test-runner imports: Vitest and Playwright both use it.
 */
export async function citizenWrites(serverUrl: string, message: Written, options: BuildOptions = {}): Promise<void> {
  const delivery = deliveryOf(DEMO_CHANNELS, { kind: 'text', sentAt: new Date(), ...message }, options);
  const result = await postDelivery(serverUrl, delivery.accountKey, delivery);
  if (!result.ok)
    throw new Error(`the ${message.channel} webhook refused "${message.text}": ${JSON.stringify(result)}`);
}
