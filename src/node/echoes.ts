/**
 * The object versions a component just wrote itself: the watch hands each write straight back, and
 * the echo of one's own write has nothing new to say. Each echo is taken once.
 */
export class Echoes {
  private readonly versions = new Map<string, string | undefined>();

  note(key: string, resourceVersion: string | undefined): void {
    this.versions.set(key, resourceVersion);
  }

  forget(key: string): void {
    this.versions.delete(key);
  }

  /** Whether this version at `key` is the last one noted (true only once). */
  take(key: string, resourceVersion: string | undefined): boolean {
    if (!this.versions.has(key) || this.versions.get(key) !== resourceVersion) return false;
    this.versions.delete(key);
    return true;
  }
}
