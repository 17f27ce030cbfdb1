// SettingsApi over the web shell's HTTP routes. Beyond loopback the shell wants
// the admin token: a 401 asks the person for it (through the gate) and retries.
import type { PublicSettings, SettingsPatch } from '../../shared/settings';
import { ADMIN_TOKEN_HEADER, SettingsPaths, type AutostartStatus, type ConnectionResult, type ProjectsResult, type SaveSettingsResult, type SettingsApi } from '../../shared/settings-api';
import type { AdminTokenGate } from './admin-token';

export interface HttpResponse {
  ok: boolean;
  status: number;
  json(): Promise<unknown>;
}

export type HttpFetch = (url: string, init: { method: string; headers: Record<string, string>; body?: string }) => Promise<HttpResponse>;

/** The person closed the token prompt: nothing was sent. */
export class AdminTokenRequired extends Error {
  override name = 'AdminTokenRequired';
  constructor() {
    super('Settings need the admin token shown on the frame’s screen.');
  }
}

export function webSettingsApi(http: HttpFetch, gate: AdminTokenGate): SettingsApi {
  let frameToken: Promise<void> | null = null;

  // On the frame itself (loopback) the shell tells us its token: use it and
  // show it, so nobody at the frame is ever asked for it. Elsewhere: 403.
  const learnFrameToken = () => {
    frameToken ??= http(SettingsPaths.adminToken, { method: 'GET', headers: {} })
      .then(async (response) => {
        if (!response.ok) return;
        const body = (await response.json()) as { required?: unknown; token?: unknown } | null;
        if (body?.required === true && typeof body.token === 'string' && body.token) gate.useFrameToken(body.token);
      })
      .catch(() => {
        frameToken = null; // not reachable now: ask again next time
      });
    return frameToken;
  };

  async function call(method: string, path: string, body?: unknown): Promise<HttpResponse> {
    await learnFrameToken();
    for (;;) {
      const token = gate.current();
      const headers: Record<string, string> = body === undefined ? {} : { 'content-type': 'application/json' };
      if (token) headers[ADMIN_TOKEN_HEADER] = token;
      const response = await http(path, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
      if (response.status !== 401) return response;
      const typed = await gate.ask(token !== null);
      if (typed === null) throw new AdminTokenRequired();
    }
  }

  async function json<T>(method: string, path: string, body?: unknown, accept: (status: number) => boolean = (s) => s === 200): Promise<T> {
    const response = await call(method, path, body);
    const parsed = await response.json().catch(() => null);
    if (!accept(response.status)) throw new Error(errorText(parsed) ?? `The frame answered HTTP ${response.status}.`);
    return parsed as T;
  }

  return {
    getSettings: () => json<PublicSettings>('GET', SettingsPaths.settings),
    saveSettings: async (patch: SettingsPatch) => {
      // 400 carries the field-by-field errors; anything else unexpected is thrown.
      const result = await json<SaveSettingsResult | { error?: string }>('PUT', SettingsPaths.settings, patch, (s) => s === 200 || s === 400);
      if ('ok' in result && typeof result.ok === 'boolean') return result;
      throw new Error(errorText(result) ?? 'The frame refused the settings.');
    },
    testConnection: (patch) => json<ConnectionResult>('POST', SettingsPaths.testConnection, patch),
    listProjects: (query) => json<ProjectsResult>('GET', `${SettingsPaths.projects}?q=${encodeURIComponent(query)}`),
    getAutostart: () => json<AutostartStatus>('GET', SettingsPaths.autostart),
    setAutostart: (enabled, method) => json<AutostartStatus>('PUT', SettingsPaths.autostart, { enabled, method }),
  };
}

function errorText(body: unknown): string | null {
  const error = (body as { error?: unknown } | null)?.error;
  return typeof error === 'string' && error ? error : null;
}
