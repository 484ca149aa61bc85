/**
 * The few globals that every runtime of shared/ has (browsers, Node, workers), declared here
 * because shared/ is compiled without the DOM's or Node's types: only these may be used.
 */
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
  decode(input?: Uint8Array): string;
}
declare class TextEncoder {
  encode(input?: string): Uint8Array;
}
