import { describe, expect, it } from 'vitest';
import { ADMIN_TOKEN_HEADER, SettingsPaths } from '../../shared/settings-api';
import { createAdminTokenGate } from './admin-token';
import { AdminTokenRequired, webSettingsApi, type HttpFetch, type HttpResponse } from './web-settings-api';

interface Sent {
  url: string;
  method: string;
  headers: Record<string, string>;
  body?: string;
}

/** A fake web shell: answers by path; `token` set means settings routes want it. */
function fakeShell(options: { token?: string; loopback?: boolean; answer?: (sent: Sent) => { status: number; body: unknown } } = {}) {
  const sent: Sent[] = [];
  const reply = (status: number, body: unknown): HttpResponse => ({ ok: status >= 200 && status < 300, status, json: () => Promise.resolve(body) });
  const http: HttpFetch = (url, init) => {
    const request = { url, ...init };
    sent.push(request);
    if (url === SettingsPaths.adminToken) {
      return Promise.resolve(options.loopback ? reply(200, { required: !!options.token, token: options.token ?? null }) : reply(403, { error: 'only shown on the frame itself' }));
    }
    if (options.token && init.headers[ADMIN_TOKEN_HEADER] !== options.token) return Promise.resolve(reply(401, { error: 'admin token required' }));
    const answer = options.answer?.(request) ?? { status: 200, body: { ok: true } };
    return Promise.resolve(reply(answer.status, answer.body));
  };
  return { http, sent };
}

const settingsCalls = (sent: Sent[]) => sent.filter((s) => s.url !== SettingsPaths.adminToken);

describe('webSettingsApi', () => {
  it('uses the shared paths, methods and JSON bodies', async () => {
    const { http, sent } = fakeShell();
    const api = webSettingsApi(http, createAdminTokenGate(null));
    await api.getSettings();
    await api.saveSettings({ slideSeconds: 20 });
    await api.testConnection({ apiKey: 'k' });
    await api.listProjects('Hol idays&');
    await api.getAutostart();
    await api.setAutostart(true, 'systemd');
    expect(settingsCalls(sent).map((s) => `${s.method} ${s.url} ${s.body ?? ''}`)).toEqual([
      'GET /api/settings ',
      'PUT /api/settings {"slideSeconds":20}',
      'POST /api/settings/test {"apiKey":"k"}',
      'GET /api/projects?q=Hol%20idays%26 ',
      'GET /api/autostart ',
      'PUT /api/autostart {"enabled":true,"method":"systemd"}',
    ]);
    expect(settingsCalls(sent)[1]!.headers['content-type']).toBe('application/json');
  });

  it('returns field errors of a refused save, and throws on other failures', async () => {
    const errors = { slideSeconds: 'Seconds per photo must be a number of seconds from 2 to 3600.' };
    const refused = fakeShell({ answer: () => ({ status: 400, body: { ok: false, errors } }) });
    expect(await webSettingsApi(refused.http, createAdminTokenGate(null)).saveSettings({ slideSeconds: 1 })).toEqual({ ok: false, errors });
    const broken = fakeShell({ answer: () => ({ status: 400, body: { error: 'body is not JSON' } }) });
    await expect(webSettingsApi(broken.http, createAdminTokenGate(null)).saveSettings({})).rejects.toThrow('body is not JSON');
    const failing = fakeShell({ answer: () => ({ status: 500, body: { error: 'internal error' } }) });
    await expect(webSettingsApi(failing.http, createAdminTokenGate(null)).getSettings()).rejects.toThrow('internal error');
  });

  it('on 401 asks for the token, then retries with it in the header', async () => {
    const { http, sent } = fakeShell({ token: 'right-token' });
    const gate = createAdminTokenGate(null);
    const pending = webSettingsApi(http, gate).getSettings();
    await until(() => gate.state.getState().prompt !== null);
    expect(gate.state.getState().prompt).toEqual({ rejected: false });
    gate.submit('wrong-token');
    await until(() => gate.state.getState().prompt?.rejected === true);
    gate.submit('right-token');
    expect(await pending).toEqual({ ok: true });
    expect(settingsCalls(sent).map((s) => s.headers[ADMIN_TOKEN_HEADER] ?? null)).toEqual([null, 'wrong-token', 'right-token']);
  });

  it('throws AdminTokenRequired when the person closes the prompt', async () => {
    const { http } = fakeShell({ token: 'right-token' });
    const gate = createAdminTokenGate(null);
    const pending = webSettingsApi(http, gate).getSettings();
    await until(() => gate.state.getState().prompt !== null);
    gate.cancel();
    await expect(pending).rejects.toBeInstanceOf(AdminTokenRequired);
  });

  it('on the frame itself, uses and shows the token the shell gives to loopback', async () => {
    const { http, sent } = fakeShell({ token: 'frame-token', loopback: true });
    const gate = createAdminTokenGate(null);
    const api = webSettingsApi(http, gate);
    await api.getSettings();
    await api.getAutostart();
    expect(gate.state.getState().shownOnFrame).toBe('frame-token');
    expect(gate.state.getState().prompt).toBeNull();
    expect(sent.filter((s) => s.url === SettingsPaths.adminToken)).toHaveLength(1);
    expect(settingsCalls(sent).every((s) => s.headers[ADMIN_TOKEN_HEADER] === 'frame-token')).toBe(true);
  });

  it('shows no token when the shell needs none', async () => {
    const { http } = fakeShell({ loopback: true });
    const gate = createAdminTokenGate(null);
    await webSettingsApi(http, gate).getSettings();
    expect(gate.state.getState().shownOnFrame).toBeNull();
  });
});

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 0));
  expect(condition()).toBe(true);
}
