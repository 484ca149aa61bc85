import { maskCitizenText, withoutBidiControls } from '../privacy';

/**
 * A display name kept recognisable to staff but not identifying: 张三 → 张*, 张三丰 → 张*丰,
 * nickname sunny_day → s****y. Star count is capped so long nicknames don't reveal their length.
 */
export function maskCitizenName(name: string): string {
  const chars = Array.from(maskCitizenText(name.trim()));
  if (chars.length <= 1) return '*';
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(Math.min(chars.length - 2, 4))}${chars[chars.length - 1]}`;
}

/** A channel identity `${channel}:${id}` shown by its last four characters: wechat:oAbc…9Qz1 → …9Qz1. */
export function maskCitizenId(id: string): string {
  const local = id.includes(':') ? id.slice(id.indexOf(':') + 1) : id;
  return `…${Array.from(local).slice(-4).join('')}`;
}

/** How a ledger shows the citizen: name and id tail, masked unless an authorised export asks otherwise. */
export function citizenLabel(given: { id: string; name: string | null }, mask: boolean): string {
  const citizen = {
    id: withoutBidiControls(given.id),
    name: given.name === null ? null : withoutBidiControls(given.name),
  };
  if (!mask) return citizen.name ? `${citizen.name} (${citizen.id})` : citizen.id;
  return citizen.name ? `${maskCitizenName(citizen.name)} ${maskCitizenId(citizen.id)}` : maskCitizenId(citizen.id);
}
