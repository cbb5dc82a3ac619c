/** How a DataFrame is cached: disk, memory, off-heap, deserialized, replication. */
export class StorageLevel {
  constructor(
    readonly useDisk: boolean,
    readonly useMemory: boolean,
    readonly useOffHeap: boolean,
    readonly deserialized: boolean,
    readonly replication = 1,
  ) {
    Object.freeze(this);
  }
  static readonly NONE = new StorageLevel(false, false, false, false);
  static readonly DISK_ONLY = new StorageLevel(true, false, false, false);
  static readonly DISK_ONLY_2 = new StorageLevel(true, false, false, false, 2);
  static readonly DISK_ONLY_3 = new StorageLevel(true, false, false, false, 3);
  static readonly MEMORY_ONLY = new StorageLevel(false, true, false, false);
  static readonly MEMORY_ONLY_2 = new StorageLevel(false, true, false, false, 2);
  static readonly MEMORY_AND_DISK = new StorageLevel(true, true, false, false);
  static readonly MEMORY_AND_DISK_2 = new StorageLevel(true, true, false, false, 2);
  static readonly OFF_HEAP = new StorageLevel(true, true, true, false);
  static readonly MEMORY_AND_DISK_DESER = new StorageLevel(true, true, false, true);
  /** e.g. "Disk Memory Deserialized 1x Replicated", as Spark prints it. */
  toString(): string {
    const parts = [
      this.useDisk ? "Disk" : "",
      this.useMemory ? "Memory" : "",
      this.useOffHeap ? "OffHeap" : "",
      this.deserialized ? "Deserialized" : "Serialized",
    ].filter(Boolean);
    return `${parts.join(" ")} ${this.replication}x Replicated`;
  }
}
