/**
 * A set of content hashes shared by every analysis worker of a scan (a SharedArrayBuffer, lock-free): a file
 * whose content was already detected — earlier in this scan, or in any scan of the workspace by the same
 * detector — is hashed and decoded but not detected again; its stored findings serve. Keys are the first 64 bits
 * of the SHA-256 (a collision among a workspace's contents is vanishingly unlikely).
 */
export class KnownContents {
  private readonly slots: BigInt64Array;
  private readonly mask: number;

  constructor(readonly buffer: SharedArrayBuffer) {
    this.slots = new BigInt64Array(buffer);
    this.mask = this.slots.length - 1;
  }

  /** Room for about 70% of `capacity` rounded up to a power of two; 8 bytes a slot. */
  static create(expected: number): KnownContents {
    let size = 1024;
    while (size < expected * 1.5) size *= 2;
    return new KnownContents(new SharedArrayBuffer(size * 8));
  }

  private static keyOf(sha256Hex: string): bigint {
    const key = BigInt.asIntN(64, BigInt(`0x${sha256Hex.slice(0, 16)}`));
    return key === 0n ? 1n : key; // 0 marks an empty slot
  }

  has(sha256Hex: string): boolean {
    const key = KnownContents.keyOf(sha256Hex);
    for (let i = Number(key & BigInt(this.mask)), probes = 0; probes <= this.mask; i = (i + 1) & this.mask, probes++) {
      const current = Atomics.load(this.slots, i);
      if (current === key) return true;
      if (current === 0n) return false;
    }
    return false;
  }

  /** Adds a hash; returns false when the table is full (the content is then simply detected again next time). */
  add(sha256Hex: string): boolean {
    const key = KnownContents.keyOf(sha256Hex);
    for (let i = Number(key & BigInt(this.mask)), probes = 0; probes <= this.mask; i = (i + 1) & this.mask, probes++) {
      const previous = Atomics.compareExchange(this.slots, i, 0n, key);
      if (previous === 0n || previous === key) return true;
    }
    return false;
  }
}
