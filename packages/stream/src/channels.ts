import { type RehydrateOptions, StreamRehydrator, type Vault } from '@stronk/vault';

/**
 * One StreamRehydrator per independent text channel (choice index, output/content index, content
 * block index …), so a placeholder split in one channel never swallows text from another.
 */
export class ChannelSet {
  readonly #channels = new Map<string, StreamRehydrator>();
  readonly #vault: Vault;

  constructor(vault: Vault) {
    this.#vault = vault;
  }

  push(channel: string, text: string, options: RehydrateOptions = {}): string {
    let rehydrator = this.#channels.get(channel);
    if (!rehydrator) {
      rehydrator = new StreamRehydrator(this.#vault, options);
      this.#channels.set(channel, rehydrator);
    }
    return rehydrator.push(text);
  }

  /** Ends one channel and returns what it still held. */
  flush(channel: string): string {
    const rehydrator = this.#channels.get(channel);
    if (!rehydrator) return '';
    this.#channels.delete(channel);
    const text = rehydrator.flush();
    this.#restoredByClosed += rehydrator.restored;
    return text;
  }

  #restoredByClosed = 0;

  /** Ends every channel whose name starts with `prefix`, returning [channel, text] for those with text. */
  flushPrefix(prefix: string): Array<[string, string]> {
    const out: Array<[string, string]> = [];
    for (const channel of [...this.#channels.keys()]) {
      if (!channel.startsWith(prefix)) continue;
      const text = this.flush(channel);
      if (text) out.push([channel, text]);
    }
    return out;
  }

  /** Placeholders restored so far across all channels. */
  get restored(): number {
    let n = this.#restoredByClosed;
    for (const rehydrator of this.#channels.values()) n += rehydrator.restored;
    return n;
  }
}
