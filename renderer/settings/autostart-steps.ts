// Start on boot: what is installed decides the switch, and the calls that get
// from what is installed to what the person chose (one method at a time).
import type { AutostartMethod, AutostartStatus } from '../../shared/settings-api';

export const METHODS: AutostartMethod[] = ['xdg', 'systemd'];

export function isInstalled(status: AutostartStatus): boolean {
  return status.installed.xdg || status.installed.systemd;
}

/** The method to show selected: the installed one, else the desktop entry. */
export function installedMethod(status: AutostartStatus): AutostartMethod {
  return status.installed.systemd && !status.installed.xdg ? 'systemd' : 'xdg';
}

/** setAutostart calls, in order, to reach `enabled` with `method` (and nothing else installed). */
export function autostartSteps(status: AutostartStatus, enabled: boolean, method: AutostartMethod): [boolean, AutostartMethod][] {
  const steps: [boolean, AutostartMethod][] = METHODS.filter((m) => status.installed[m] && (!enabled || m !== method)).map((m) => [false, m]);
  if (enabled && !status.installed[method]) steps.push([true, method]);
  return steps;
}
