// Turns the screen on and off with the chosen method (labwc ignores
// Electron's power blockers, so the display is switched directly), following
// the night schedule or the manual override, and tells the frame so it can
// pause the show, downloads and polling.
import type { Settings } from '../../../shared/settings';
import type { Logger } from '../frame-types';
import { type Clock, systemClock } from '../util/timers';
import { isScreenOnAt, nextChangeAt } from './night-schedule';

import type { ScreenState, ScreenSwitch } from './screen-switch';

export type { ScreenState };

type ScreenSettings = Pick<Settings, 'scheduleEnabled' | 'weekSchedule' | 'screenMode' | 'screenPower'>;

export interface ScreenPowerOptions {
  switchScreen: ScreenSwitch;
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
      const method = settings.screenPower;
      const result = await this.options.switchScreen(method, next);
      this.lastCommandError = result.ok ? null : `switching it ${next} with ${method} failed (${result.detail})`;
      if (result.ok) this.options.logger.info(`Screen ${next} (${settings.screenMode === 'auto' ? 'night schedule' : 'set by hand'}).`);
      else this.options.logger.warn(`Screen ${next}: ${this.lastCommandError}. Choose the screen switch that fits this display in the settings.`);
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
