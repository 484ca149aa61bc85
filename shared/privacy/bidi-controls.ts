/**
 * Bidirectional control characters (embeddings, overrides, isolates, directional marks). Citizen text
 * never needs them — Chinese and numbers lay out by themselves — and a right-to-left override makes
 * 13812345678 display as 87654321831, so they are taken out wherever citizen text is shown or exported.
 */
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/g;

export function isBidiControl(char: string): boolean {
  BIDI_CONTROLS.lastIndex = 0;
  return BIDI_CONTROLS.test(char);
}

export function withoutBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, '');
}
