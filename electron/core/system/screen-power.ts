// Turns the screen on and off with the configured commands (labwc ignores
// Electron's power blockers, so the display is switched directly), following
// the night schedule or the manual override, and tells the frame so it can
// pause the show, downloads and polling.
import type { Settings } from '../../../shared/settings';
import type { Logger } from '../frame-types';
import { type Clock, systemClock } from '../util/timers';
import { isScreenOnAt, nextChangeAt } from './night-schedule';

export type ScreenState = 'on' | 'off';

export type CommandRunner = (command: string) => Promise<{ ok: boolean; detail: string }>;

type ScreenSettings = Pick<Settings, 'scheduleEnabled' | 'weekSchedule' | 'screenMode' | 'screenOffCommand' | 'screenOnCommand'>;

export interface ScreenPowerOptions {
  run: CommandRunner;
  logger: Logger;
  onChange(state: ScreenState): void;
  clock?: Clock;
}

/** Longest sleep between checks, so clock jumps (NTP after boot) are noticed. */
const RECHECK_MS = 15 * 60_000;

export class ScreenPower {
  private current: ScreenState = 'on';
  private settings: ScreenSettings | null = null;
  private timer: unknown = null;
  private readonly clock: Clock;
  lastCommandError: string | null = null;

  constructor(private readonly options: ScreenPowerOptions) {
    this.clock = options.clock ?? systemClock;
  }

  get state(): ScreenState {
    return this.current;
  }

  /** What the settings ask for right now. */
  desired(settings: ScreenSettings, at = new Date(this.clock.now())): ScreenState {
    if (settings.screenMode !== 'auto') return settings.screenMode;
    if (!settings.scheduleEnabled) return 'on';
    return isScreenOnAt(at, settings.weekSchedule) ? 'on' : 'off';
  }

  async apply(settings: ScreenSettings): Promise<void> {
    this.settings = settings;
    await this.evaluate();
  }

  stop(): void {
    if (this.timer !== null) this.clock.clearTimeout(this.timer);
    this.timer = null;
  }

  private async evaluate(): Promise<void> {
    const settings = this.settings;
    if (!settings) return;
    this.stop();
    const next = this.desired(settings);
    if (next !== this.current) {
      this.current = next;
      const command = next === 'off' ? settings.screenOffCommand : settings.screenOnCommand;
      const result = await this.options.run(command);
      this.lastCommandError = result.ok ? null : `"${command}" failed: ${result.detail}`;
      if (result.ok) this.options.logger.info(`Screen ${next} (${settings.screenMode === 'auto' ? 'night schedule' : 'set by hand'}).`);
      else this.options.logger.warn(`Screen ${next}: ${this.lastCommandError}. Check the screen command in the settings.`);
      this.options.onChange(next);
    }
    if (settings.screenMode === 'auto' && settings.scheduleEnabled) {
      const now = this.clock.now();
      const change = nextChangeAt(new Date(now), settings.weekSchedule);
      const wait = change ? Math.min(RECHECK_MS, change.getTime() - now + 500) : RECHECK_MS;
      this.timer = this.clock.setTimeout(() => void this.evaluate(), wait);
    }
  }
}
