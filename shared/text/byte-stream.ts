/** A growing little-endian byte buffer and its reader: varints, int8 and float32, for compact model files. */
export class ByteWriter {
  private bytes = new Uint8Array(1 << 16);
  private view = new DataView(this.bytes.buffer);
  private length = 0;

  /** Unsigned integer, 7 bits a byte: small numbers (gaps, counts, indices) take one byte. */
  varint(value: number): void {
    this.reserve(5);
    let v = value >>> 0;
    while (v >= 0x80) {
      this.bytes[this.length++] = (v & 0x7f) | 0x80;
      v >>>= 7;
    }
    this.bytes[this.length++] = v;
  }

  int8(value: number): void {
    this.reserve(1);
    this.view.setInt8(this.length++, value);
  }

  float32(value: number): void {
    this.reserve(4);
    this.view.setFloat32(this.length, value, true);
    this.length += 4;
  }

  finish(): Uint8Array {
    return this.bytes.slice(0, this.length);
  }

  private reserve(more: number): void {
    if (this.length + more <= this.bytes.length) return;
    const grown = new Uint8Array(Math.max(this.bytes.length * 2, this.length + more));
    grown.set(this.bytes.subarray(0, this.length));
    this.bytes = grown;
    this.view = new DataView(grown.buffer);
  }
}

export class ByteReader {
  private readonly view: DataView;
  private at = 0;

  constructor(private readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  varint(): number {
    let value = 0;
    for (let shift = 0; ; shift += 7) {
      if (this.at >= this.bytes.length || shift > 28) throw new Error('model data is cut short or damaged');
      const byte = this.bytes[this.at++]!;
      value += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) return value;
    }
  }

  int8(): number {
    this.need(1);
    return this.view.getInt8(this.at++);
  }

  float32(): number {
    this.need(4);
    const value = this.view.getFloat32(this.at, true);
    this.at += 4;
    return value;
  }

  get done(): boolean {
    return this.at === this.bytes.length;
  }

  private need(bytes: number): void {
    if (this.at + bytes > this.bytes.length) throw new Error('model data is cut short or damaged');
  }
}
