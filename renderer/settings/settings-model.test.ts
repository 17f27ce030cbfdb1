import { describe, expect, it } from 'vitest';
import { applySettingsPatch, DEFAULT_SETTINGS, toPublicSettings, type Settings, type SettingsPatch } from '../../shared/settings';
import type { AutostartStatus, ProjectChoice, SettingsApi } from '../../shared/settings-api';
import { createSettingsModel, PROJECT_ID_HINT, SEARCH_FROM } from './settings-model';

const GUID = '123e4567-e89b-12d3-a456-426614174000';

/** A shell that validates with the real schema and keeps what it saved. */
function fakeApi(start: Partial<Settings> = {}, projects: ProjectChoice[] = []) {
  let settings: Settings = { ...DEFAULT_SETTINGS, ...start };
  const saves: SettingsPatch[] = [];
  const tests: SettingsPatch[] = [];
  const queries: string[] = [];
  let autostart: AutostartStatus = { supported: true, installed: { xdg: false, systemd: false }, paths: { xdg: '/x', systemd: '/s' } };
  const api: SettingsApi = {
    getSettings: async () => toPublicSettings(settings, []),
    async saveSettings(patch) {
      saves.push(patch);
      const result = applySettingsPatch(settings, patch);
      if (!result.ok) return result;
      settings = result.value;
      return { ok: true, settings: toPublicSettings(settings, []) };
    },
    async testConnection(patch) {
      tests.push(patch);
      return patch.apiKey === 'good' ? { ok: true, message: 'Connected to Wix', projects } : { ok: false, message: 'Wix refused the credentials (HTTP 401)' };
    },
    async listProjects(query) {
      queries.push(query);
      return { ok: true, projects: projects.filter((p) => p.title.startsWith(query)) };
    },
    getAutostart: async () => autostart,
    async setAutostart(enabled, method) {
      autostart = { ...autostart, installed: { ...autostart.installed, [method]: enabled } };
      return autostart;
    },
  };
  return { api, saves, tests, queries, current: () => settings };
}

const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

describe('settings model', () => {
  it('loads the settings into the form, and lists projects only with a saved connection', async () => {
    const shell = fakeApi();
    const model = createSettingsModel(shell.api);
    await model.load();
    await settle();
    expect(model.store.getState().phase).toBe('ready');
    expect(model.store.getState().form?.slideSeconds).toBe('15');
    expect(model.store.getState().autostart.status?.supported).toBe(true);
    expect(shell.queries).toEqual([]);
  });

  it('shows each refused field and saves nothing', async () => {
    const shell = fakeApi();
    const model = createSettingsModel(shell.api);
    await model.load();
    model.edit('slideSeconds', '0.5');
    model.edit('transition', 'none');
    expect(await model.save()).toBe(false);
    const state = model.store.getState();
    expect(state.errors.slideSeconds).toMatch(/Seconds per photo must be a number of seconds from 1 to 3600/);
    expect(state.notice).toEqual({ kind: 'error', text: 'Nothing was saved: see the note under Seconds per photo.' });
    expect(shell.current().transition).toBe('crossfade');
    model.edit('slideSeconds', '8');
    expect(model.store.getState().errors.slideSeconds).toBeUndefined();
    expect(await model.save()).toBe(true);
    expect(shell.current()).toMatchObject({ slideSeconds: 8, transition: 'none' });
    expect(model.store.getState().notice).toEqual({ kind: 'saved', text: 'Saved.' });
  });

  it('tests the connection with what is typed, without saving', async () => {
    const shell = fakeApi();
    const model = createSettingsModel(shell.api);
    await model.load();
    model.edit('authMode', 'apiKey');
    model.edit('apiKey', 'bad');
    await model.testConnection();
    expect(model.store.getState().connection).toEqual({ state: 'failed', message: 'Wix refused the credentials (HTTP 401)' });
    expect(shell.tests[0]).toEqual({ authMode: 'apiKey', apiKey: 'bad' });
    model.edit('apiKey', 'good');
    expect(model.store.getState().connection.state).toBe('idle');
    await model.testConnection();
    expect(model.store.getState().connection.state).toBe('ok');
    expect(shell.saves).toEqual([]);
  });

  it('lists projects once the connection is saved, with search when there are many', async () => {
    const many = Array.from({ length: SEARCH_FROM + 1 }, (_, i) => ({ id: `p${i}`, title: i === 0 ? 'Garden' : `Holiday ${i}` }));
    const shell = fakeApi({}, many);
    const model = createSettingsModel(shell.api);
    await model.load();
    model.edit('authMode', 'apiKey');
    model.edit('apiKey', 'good');
    model.edit('siteId', GUID);
    expect(await model.save()).toBe(true);
    await settle();
    expect(shell.queries).toEqual(['']);
    expect(model.store.getState().projects).toMatchObject({ state: 'ready', searchable: true });
    expect(model.store.getState().form?.apiKey).toBe(''); // the secret leaves the form once saved
    await model.loadProjects('Gar');
    expect(model.store.getState().projects.list.map((p) => p.id)).toEqual(['p0']);
  });

  it('keeps only the answer to the latest search', async () => {
    const shell = fakeApi({}, [{ id: 'a', title: 'Alps' }]);
    const resolvers: (() => void)[] = [];
    const slow: SettingsApi = {
      ...shell.api,
      listProjects: (q) => new Promise((resolve) => resolvers.push(() => resolve({ ok: true, projects: q ? [] : [{ id: 'a', title: 'Alps' }] }))),
    };
    const model = createSettingsModel(slow);
    const first = model.loadProjects('');
    const second = model.loadProjects('Z');
    resolvers[1]!();
    await second;
    resolvers[0]!();
    await first;
    expect(model.store.getState().projects).toMatchObject({ query: 'Z', list: [] });
  });

  it('refuses a project ID that is not a GUID, and saves a good one', async () => {
    const shell = fakeApi({ authMode: 'apiKey', apiKey: 'good', siteId: GUID });
    const model = createSettingsModel(shell.api);
    await model.load();
    expect(await model.chooseProject('my-project')).toBe(false);
    expect(model.store.getState().errors.projectId).toBe(PROJECT_ID_HINT);
    expect(shell.saves).toEqual([]);
    expect(await model.chooseProject(` ${GUID} `)).toBe(true);
    expect(shell.current().projectId).toBe(GUID);
  });

  it('says so when the settings cannot be loaded', async () => {
    const shell = fakeApi();
    const model = createSettingsModel({ ...shell.api, getSettings: () => Promise.reject(new Error('The frame answered HTTP 500.')) });
    await model.load();
    expect(model.store.getState()).toMatchObject({ phase: 'failed', loadError: 'The settings could not be loaded: The frame answered HTTP 500.' });
  });

  it('switches start-on-boot methods one call at a time', async () => {
    const shell = fakeApi();
    const model = createSettingsModel(shell.api);
    await model.load();
    await settle();
    await model.setAutostart(true, 'xdg');
    expect(model.store.getState().autostart.status?.installed).toEqual({ xdg: true, systemd: false });
    await model.setAutostart(true, 'systemd');
    expect(model.store.getState().autostart.status?.installed).toEqual({ xdg: false, systemd: true });
    await model.setAutostart(false, 'systemd');
    expect(model.store.getState().autostart.status?.installed).toEqual({ xdg: false, systemd: false });
  });

  it('a good test lists its projects at once; a search looks among them until the connection is saved', async () => {
    const many = Array.from({ length: SEARCH_FROM + 1 }, (_, i) => ({ id: `p${i}`, title: i === 0 ? 'Garden' : `Holiday ${i}` }));
    const shell = fakeApi({}, many);
    const model = createSettingsModel(shell.api);
    await model.load();
    model.edit('authMode', 'apiKey');
    model.edit('apiKey', 'good');
    model.edit('siteId', GUID);
    await model.testConnection();
    expect(model.store.getState().projects).toMatchObject({ state: 'ready', searchable: true });
    expect(model.store.getState().projects.list).toHaveLength(many.length);
    await model.loadProjects('gar');
    expect(model.store.getState().projects.list.map((p) => p.id)).toEqual(['p0']);
    expect(shell.queries).toEqual([]); // nothing asked of the shell with an unsaved connection
    // One tap: connection and project saved together.
    expect(await model.chooseProject(GUID)).toBe(true);
    expect(shell.saves).toEqual([{ authMode: 'apiKey', apiKey: 'good', siteId: GUID, projectId: GUID }]);
    // An edit after the test makes the list wait for a new test.
    model.edit('siteId', '');
    expect(model.store.getState().connection).toEqual({ state: 'idle', message: '' });
  });

  it('knows when there are unsaved changes', async () => {
    const model = createSettingsModel(fakeApi().api);
    await model.load();
    expect(model.isDirty()).toBe(false);
    model.edit('slideSeconds', '20');
    expect(model.isDirty()).toBe(true);
    model.edit('slideSeconds', '15');
    expect(model.isDirty()).toBe(false);
    model.edit('apiKey', 'typed secret');
    expect(model.isDirty()).toBe(true);
  });

  it('judges a changed field by the schema when it is left, before any Save', async () => {
    const model = createSettingsModel(fakeApi().api);
    await model.load();
    model.judge('slideSeconds'); // unchanged: no verdict
    expect(model.store.getState().errors).toEqual({});
    model.edit('pollSeconds', '0');
    model.judge('pollSeconds');
    expect(model.store.getState().errors.pollSeconds).toBe('The Wix check interval must be a number of seconds from 1 to 86400.');
    model.edit('siteId', 'not-a-guid');
    model.judge('siteId');
    expect(model.store.getState().errors.siteId).toBe('Site ID must be a GUID like 123e4567-e89b-12d3-a456-426614174000, as in your site dashboard’s address.');
    model.edit('siteId', GUID);
    model.judge('siteId');
    expect(model.store.getState().errors.siteId).toBeUndefined();
  });
});
