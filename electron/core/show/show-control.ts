// The show's remote control in the core: pause is state (it travels in the
// snapshot, so every renderer and a reloaded page agree); next and previous
// are events passed to every renderer; the renderer reports what it shows,
// for Home Assistant and the API.
import type { ShowCommand, ShowingNow } from '../../../shared/show';

export class ShowControl {
  private pausedNow = false;
  private now: ShowingNow | null = null;
  private readonly commandListeners = new Set<(command: ShowCommand) => void>();
  private readonly showingListeners = new Set<(now: ShowingNow) => void>();

  /** `changed` is called when pause state changes (the frame publishes a snapshot). */
  constructor(private readonly changed: () => void) {}

  get paused(): boolean {
    return this.pausedNow;
  }

  control(command: ShowCommand): void {
    if (command === 'pause' || command === 'resume') {
      const paused = command === 'pause';
      if (paused === this.pausedNow) return;
      this.pausedNow = paused;
      this.changed();
      return;
    }
    for (const listener of this.commandListeners) listener(command);
  }

  onShowCommand(listener: (command: ShowCommand) => void): () => void {
    this.commandListeners.add(listener);
    return () => this.commandListeners.delete(listener);
  }

  reportShowing(now: ShowingNow): void {
    const last = this.now;
    this.now = now;
    if (last && last.at === now.at && last.itemIds.join() === now.itemIds.join()) return;
    for (const listener of this.showingListeners) listener(now);
  }

  showing(): ShowingNow | null {
    return this.now;
  }

  onShowing(listener: (now: ShowingNow) => void): () => void {
    this.showingListeners.add(listener);
    return () => this.showingListeners.delete(listener);
  }

  clear(): void {
    this.commandListeners.clear();
    this.showingListeners.clear();
  }
}
