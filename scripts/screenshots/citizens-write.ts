import { deliveryOf, type CitizenMessage } from '../../simulator/citizen-message';
import { postDelivery } from '../../simulator/post-delivery';
import { DEMO_CHANNELS } from '../../server/channels/demo-accounts';

/** A few pushes in flight at once, as the platforms send them; intake takes them in batches. */
const IN_FLIGHT = 4;

/** Posts each message to its channel's webhook, signed as the platform would, a few at a time; every one must be taken. */
export async function citizensWrite(serverUrl: string, messages: readonly CitizenMessage[]): Promise<void> {
  let next = 0;
  const sender = async () => {
    while (next < messages.length) {
      const message = messages[next++]!;
      const delivery = deliveryOf(DEMO_CHANNELS, message);
      const result = await postDelivery(serverUrl, delivery.accountKey, delivery);
      if (!result.ok) throw new Error(`${message.channel} push refused (${result.status}): ${result.error}`);
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, sender));
}
