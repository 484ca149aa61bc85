import { z } from 'zod';
import { Channel } from './channel';
import type { Citizen } from './request';

/** One channel identity as requests name their citizen: `weibo:1234567890`, `wechat:oAbc…`, `alipay:2088…`. */
export const CitizenIdentity = z
  .string()
  .regex(/^(wechat|weibo|alipay):[^\s:][^\s]{0,199}$/, 'expected channel:id, e.g. weibo:1234567890');
export type CitizenIdentity = z.infer<typeof CitizenIdentity>;

/** The citizen's channel identities: the linked ones, or just the one the request came from. */
export function identitiesOf(citizen: Pick<Citizen, 'id' | 'identities'>): string[] {
  return citizen.identities && citizen.identities.length > 0 ? citizen.identities : [citizen.id];
}

/** One key per person, the same for every linked identity: the first of them in sorted order. */
export function personKey(citizen: Pick<Citizen, 'id' | 'identities'>): string {
  return identitiesOf(citizen)[0]!;
}

/** Whether two requests' citizens are one person: the same identity, or identities an operator linked. */
export function isSameCitizen(a: Pick<Citizen, 'id' | 'identities'>, b: Pick<Citizen, 'id' | 'identities'>): boolean {
  return identitiesOf(a).includes(b.id);
}

/** The identities after linking `other` to the citizen, sorted and without repeats. */
export function linkedIdentities(citizen: Pick<Citizen, 'id' | 'identities'>, other: string): string[] {
  return [...new Set([...identitiesOf(citizen), other])].sort();
}

/** The channel an identity belongs to (its prefix). */
export function channelOfIdentity(identity: string): Channel {
  return Channel.parse(identity.slice(0, identity.indexOf(':')));
}
