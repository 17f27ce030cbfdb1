// State of the settings screen while it is open: what the shell has saved, the
// form being edited, field errors, and the connection, project list and
// start-on-boot panels. One store per visit, so every visit starts fresh.
import { createStore, type StoreApi } from 'zustand/vanilla';
import { checkField, isGuid, LABELS, type FieldErrors, type PublicSettings, type SettingsPatch } from '../../shared/settings';
import type { AutostartMethod, AutostartStatus, ProjectChoice, SettingsApi } from '../../shared/settings-api';
import { autostartSteps } from './autostart-steps';
import { CONNECTION_FIELDS, formFromSettings, hasSavedConnection, isConnectionChanged, parseNumber, patchFromForm, type FormField, type SettingsForm } from './form-state';

/** More projects than this and the picker offers a search field. */
export const SEARCH_FROM = 8;

export const PROJECT_ID_HINT = 'Project ID must be a GUID like 123e4567-e89b-12d3-a456-426614174000: copy it from the project’s address in the Wix dashboard.';

export interface Notice {
  kind: 'saved' | 'error' | 'info';
  text: string;
}

export interface SettingsModelState {
  phase: 'loading' | 'ready' | 'failed';
  loadError: string | null;
  saved: PublicSettings | null;
  form: SettingsForm | null;
  errors: FieldErrors;
  saving: boolean;
  notice: Notice | null;
  /** `projects`: what a good test found with the typed (unsaved) connection. */
  connection: { state: 'idle' | 'testing' | 'ok' | 'failed'; message: string; projects?: ProjectChoice[] };
  projects: { state: 'idle' | 'loading' | 'ready' | 'failed'; list: ProjectChoice[]; message: string; query: string; searchable: boolean };
  autostart: { status: AutostartStatus | null; busy: boolean; error: string | null };
}

export interface SettingsModel {
  store: StoreApi<SettingsModelState>;
  load(): Promise<void>;
  edit<F extends FormField>(field: F, value: SettingsForm[F]): void;
  /** Judges a typed field by the schema's rule (on leaving it), so the problem shows before Save. */
  judge(field: FormField): void;
  /** Whether the form holds changes that are not saved. */
  isDirty(): boolean;
  /** For fields outside the form (the typed project ID). */
  clearError(field: keyof FieldErrors): void;
  /** Saves the form's changes (plus `extra`); true when everything was saved. */
  save(extra?: SettingsPatch): Promise<boolean>;
  testConnection(): Promise<void>;
  loadProjects(query: string): Promise<void>;
  /** Saves the project (with any other changes); true when saved. */
  chooseProject(projectId: string): Promise<boolean>;
  setAutostart(enabled: boolean, method: AutostartMethod): Promise<void>;
}

const initial = (): SettingsModelState => ({
  phase: 'loading',
  loadError: null,
  saved: null,
  form: null,
  errors: {},
  saving: false,
  notice: null,
  connection: { state: 'idle', message: '' },
  projects: { state: 'idle', list: [], message: '', query: '', searchable: false },
  autostart: { status: null, busy: false, error: null },
});

export function createSettingsModel(api: SettingsApi): SettingsModel {
  const store = createStore<SettingsModelState>()(initial);
  const set = store.setState;
  const get = store.getState;
  let projectRequest = 0;
  const isChanged = (field: FormField) => {
    const { form, saved } = get();
    return !!form && !!saved && field in patchFromForm(form, saved);
  };

  const model: SettingsModel = {
    store,

    async load() {
      set({ phase: 'loading', loadError: null });
      try {
        const saved = await api.getSettings();
        set({ phase: 'ready', saved, form: formFromSettings(saved), errors: {} });
      } catch (error) {
        set({ phase: 'failed', loadError: `The settings could not be loaded: ${messageOf(error)}` });
        return;
      }
      void loadAutostart();
      if (hasSavedConnection(get().saved!)) void model.loadProjects('');
    },

    edit(field, value) {
      const { form, errors, connection } = get();
      if (!form) return;
      const { [field]: _fixed, ...rest } = errors as Record<string, string>;
      const touchesConnection = (CONNECTION_FIELDS as readonly string[]).includes(field);
      set({
        form: { ...form, [field]: value },
        errors: rest as FieldErrors,
        notice: null,
        // A test result no longer says anything about what is typed now.
        ...(touchesConnection && connection.state !== 'testing' ? { connection: { state: 'idle', message: '' } } : {}),
      });
    },

    judge(field) {
      const form = get().form;
      if (!form || !isChanged(field)) return;
      const value = form[field];
      const checked = checkField(field, typeof value === 'string' && (field === 'slideSeconds' || field === 'pollSeconds') ? parseNumber(value) : value);
      if (!checked.ok) set((s) => ({ errors: { ...s.errors, [field]: checked.problem } }));
    },

    isDirty() {
      const { form, saved } = get();
      return !!form && !!saved && Object.keys(patchFromForm(form, saved)).length > 0;
    },

    clearError(field) {
      const { [field]: _fixed, ...rest } = get().errors;
      set({ errors: rest });
    },

    async save(extra = {}) {
      const { form, saved, saving } = get();
      if (!form || !saved || saving) return false;
      const patch = { ...patchFromForm(form, saved), ...extra };
      if (Object.keys(patch).length === 0) {
        set({ notice: { kind: 'info', text: 'Nothing changed.' } });
        return true;
      }
      set({ saving: true, notice: null });
      try {
        const result = await api.saveSettings(patch);
        if (!result.ok) {
          set({ errors: result.errors, notice: { kind: 'error', text: refusedText(result.errors) } });
          return false;
        }
        // Keep what the person typed in fields the patch did not touch (none, normally).
        set({ saved: result.settings, form: formFromSettings(result.settings), errors: {}, notice: { kind: 'saved', text: 'Saved.' } });
        if (isConnectionChanged(patch) && hasSavedConnection(result.settings)) void model.loadProjects(get().projects.query);
        return true;
      } catch (error) {
        set({ notice: { kind: 'error', text: `Not saved: ${messageOf(error)}` } });
        return false;
      } finally {
        set({ saving: false });
      }
    },

    async testConnection() {
      const { form, saved } = get();
      if (!form || !saved) return;
      set({ connection: { state: 'testing', message: 'Trying to reach Wix…' } });
      try {
        const result = await api.testConnection(patchFromForm(form, saved));
        if (get().connection.state !== 'testing') return; // edited meanwhile: this answer is about other values
        set({ connection: { state: result.ok ? 'ok' : 'failed', message: result.message, ...(result.ok && result.projects ? { projects: result.projects } : {}) } });
        // The picker lists what the test found at once: one tap saves the connection and the project.
        if (result.ok && result.projects) set({ projects: { state: 'ready', list: result.projects, message: '', query: '', searchable: result.projects.length > SEARCH_FROM } });
      } catch (error) {
        set({ connection: { state: 'failed', message: `The frame could not test the connection: ${messageOf(error)}` } });
      }
    },

    async loadProjects(query) {
      const request = ++projectRequest;
      const tested = get().connection.projects;
      if (tested && isConnectionChanged(patchFromForm(get().form!, get().saved!))) {
        // Not saved yet: search what the test found (Wix matches titles by prefix, so do we).
        const prefix = query.toLowerCase();
        set((s) => ({ projects: { ...s.projects, state: 'ready', query, list: tested.filter((p) => p.title.toLowerCase().startsWith(prefix)) } }));
        return;
      }
      set((s) => ({ projects: { ...s.projects, state: 'loading', query } }));
      try {
        const result = await api.listProjects(query);
        if (request !== projectRequest) return; // a newer search is on its way
        set((s) => ({
          projects: result.ok
            ? { state: 'ready', list: result.projects, message: '', query, searchable: s.projects.searchable || query !== '' || result.projects.length > SEARCH_FROM }
            : { ...s.projects, state: 'failed', list: [], message: result.message },
        }));
      } catch (error) {
        if (request !== projectRequest) return;
        set((s) => ({ projects: { ...s.projects, state: 'failed', list: [], message: `The projects could not be listed: ${messageOf(error)}` } }));
      }
    },

    async chooseProject(projectId) {
      const id = projectId.trim();
      if (!isGuid(id)) {
        set((s) => ({ errors: { ...s.errors, projectId: PROJECT_ID_HINT }, notice: { kind: 'error', text: 'That project ID is not valid: nothing was saved.' } }));
        return false;
      }
      return model.save({ projectId: id });
    },

    async setAutostart(enabled, method) {
      const status = get().autostart.status;
      if (!status || get().autostart.busy) return;
      set({ autostart: { status, busy: true, error: null } });
      let latest = status;
      try {
        for (const [on, m] of autostartSteps(status, enabled, method)) latest = await api.setAutostart(on, m);
        set({ autostart: { status: latest, busy: false, error: null } });
      } catch (error) {
        set({ autostart: { status: latest, busy: false, error: `Start on boot could not be changed: ${messageOf(error)}` } });
      }
    },
  };

  async function loadAutostart() {
    try {
      set({ autostart: { status: await api.getAutostart(), busy: false, error: null } });
    } catch (error) {
      set({ autostart: { status: null, busy: false, error: `Start on boot could not be read: ${messageOf(error)}` } });
    }
  }

  return model;
}

function refusedText(errors: FieldErrors): string {
  const fields = Object.keys(errors) as (keyof typeof LABELS)[];
  if (fields.length === 1) return `Nothing was saved: see the note under ${LABELS[fields[0]!] ?? 'the marked field'}.`;
  return `Nothing was saved: see the notes under the ${fields.length} marked fields.`;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
