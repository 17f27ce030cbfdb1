// HTTP form of the settings operations (SettingsApi) for the web shell.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { SettingsPaths, type AutostartMethod, type SettingsApi } from '../../../shared/settings-api';
import type { SettingsPatch } from '../../../shared/settings';
import { ADMIN_TOKEN_REQUIRED, type AdminGuard } from './admin-guard';
import { BadBody, readJsonBody } from './json-body';

type Send = (res: ServerResponse, status: number, body: unknown) => void;

const GUARDED = new Set<string>([SettingsPaths.settings, SettingsPaths.testConnection, SettingsPaths.projects, SettingsPaths.autostart]);

/** True when the request was one of ours (answered). */
export async function handleSettingsRoute(req: IncomingMessage, res: ServerResponse, url: URL, api: SettingsApi, guard: AdminGuard, send: Send): Promise<boolean> {
  const path = url.pathname;
  if (path === SettingsPaths.adminToken) {
    // The gate (request-gate.ts) lets only the frame itself get here: loopback peer and loopback Host.
    send(res, 200, { required: guard.token !== null, token: guard.token });
    return true;
  }
  if (!GUARDED.has(path)) return false;
  if (!guard.allows(req)) {
    send(res, 401, { error: ADMIN_TOKEN_REQUIRED });
    return true;
  }
  const method = req.method ?? 'GET';
  try {
    if (path === SettingsPaths.settings && method === 'GET') send(res, 200, await api.getSettings());
    else if (path === SettingsPaths.settings && method === 'PUT') {
      const result = await api.saveSettings((await readJsonBody(req)) as SettingsPatch);
      send(res, result.ok ? 200 : 400, result);
    } else if (path === SettingsPaths.testConnection && method === 'POST') send(res, 200, await api.testConnection(((await readJsonBody(req)) ?? {}) as SettingsPatch));
    else if (path === SettingsPaths.projects && method === 'GET') send(res, 200, await api.listProjects(url.searchParams.get('q') ?? ''));
    else if (path === SettingsPaths.autostart && method === 'GET') send(res, 200, await api.getAutostart());
    else if (path === SettingsPaths.autostart && method === 'PUT') {
      const body = (await readJsonBody(req)) as { enabled?: unknown; method?: unknown } | null;
      const autostartMethod = body?.method === 'systemd' ? 'systemd' : body?.method === 'xdg' ? 'xdg' : null;
      if (typeof body?.enabled !== 'boolean' || !autostartMethod) send(res, 400, { error: 'expected {"enabled": true|false, "method": "xdg"|"systemd"}' });
      else send(res, 200, await api.setAutostart(body.enabled, autostartMethod as AutostartMethod));
    } else send(res, 405, { error: 'method not allowed' });
  } catch (error) {
    if (error instanceof BadBody) send(res, 400, { error: error.message });
    else throw error;
  }
  return true;
}
