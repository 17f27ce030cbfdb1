// Which Wix Portfolio project the frame shows: picked by title and cover from
// the connected site, or typed as an ID for projects the key can read but not list.
import { useEffect, useState, type KeyboardEvent } from 'react';
import { mediaPath } from '../../shared/media';
import type { ProjectChoice } from '../../shared/settings-api';
import { controlId, FieldNotes } from './fields';
import { hasSavedConnection, isConnectionChanged, patchFromForm } from './form-state';
import { lockedNote } from './locked-note';
import { useModel, useSettings } from './model-context';
import { useDebounced } from './use-debounced';
import { useFrame } from '../state/frame-store';

const SEARCH_PAUSE_MS = 350;
/** Thumbnails are small: twice their CSS size at most, never the original. */
const THUMB = { width: 240, height: 160 } as const;

interface Props {
  mediaUrl: (path: string) => string;
  /** The project was saved: back to the show. */
  onChosen: () => void;
}

export function ProjectSection({ mediaUrl, onChosen }: Props) {
  const model = useModel();
  const saved = useSettings((s) => s.saved);
  const projects = useSettings((s) => s.projects);
  const saving = useSettings((s) => s.saving);
  const connectionEdited = useSettings((s) => (s.form && s.saved ? isConnectionChanged(patchFromForm(s.form, s.saved)) : false));
  const tested = useSettings((s) => s.connection.state === 'ok' && !!s.connection.projects);
  const demo = useFrame((s) => s.snapshot?.status.demo ?? false);
  // A fleet frame without credentials picks from the relay's projects.
  const fromRelay = useFrame((s) => s.snapshot?.status.fleet?.source === 'relay');
  const [query, setQuery] = useState('');
  const searched = useDebounced(query, SEARCH_PAUSE_MS);

  useEffect(() => {
    if (model.store.getState().projects.searchable && searched.trim() !== model.store.getState().projects.query) void model.loadProjects(searched.trim());
  }, [searched, model]);

  useEffect(() => {
    if (fromRelay && model.store.getState().projects.state === 'idle') void model.loadProjects('');
  }, [fromRelay, model]);

  if (!saved) return null;
  const locked = saved.lockedByEnv.includes('projectId');
  const connected = hasSavedConnection(saved) || fromRelay;
  const current = saved.projectId;
  const currentTitle = projects.list.find((p) => p.id === current)?.title;

  const choose = async (id: string) => {
    if (await model.chooseProject(id)) onChosen();
  };

  return (
    <section className="section" aria-labelledby="section-project">
      <h2 id="section-project">Project</h2>
      <p className="section__lead" data-testid="current-project">
        {current ? (
          <>
            Showing <strong>{currentTitle ?? current}</strong>
          </>
        ) : (
          'No project chosen yet.'
        )}
      </p>
      {locked && <p className="field__locked">{lockedNote('projectId', demo)}</p>}

      {(!connected || connectionEdited) && !tested ? (
        <p className="section__hint">Test the connection above, and the site’s projects appear here: tap one to start its show.</p>
      ) : (
        <>
          {projects.searchable && (
            <div className="field">
              <label className="field__label" htmlFor="project-search">
                Search by title
              </label>
              <div className="field__body">
                <input id="project-search" type="search" value={query} autoComplete="off" spellCheck={false} onChange={(e) => setQuery(e.target.value)} onKeyDown={stopSubmit} />
              </div>
            </div>
          )}
          {projects.state === 'loading' && projects.list.length === 0 && <p className="section__hint">Loading the projects…</p>}
          {projects.state === 'failed' && (
            <div className="result result--error" role="alert" data-testid="projects-error">
              <p>{projects.message}</p>
              <button type="button" className="button" onClick={() => void model.loadProjects(projects.query)}>
                Try again
              </button>
            </div>
          )}
          {projects.state === 'ready' && projects.list.length === 0 && (
            <p className="section__hint">{projects.query ? `No project title starts with “${projects.query}”.` : 'This site has no Portfolio projects yet.'}</p>
          )}
          {projects.list.length > 0 && (
            <ul className="projects" aria-busy={projects.state === 'loading'}>
              {projects.list.map((project) => (
                <li key={project.id}>
                  <ProjectOption project={project} current={project.id === current} disabled={locked || saving} mediaUrl={mediaUrl} onChoose={() => void choose(project.id)} />
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      {!locked && <ManualProjectId disabled={saving} onUse={(id) => void choose(id)} />}
    </section>
  );
}

function ProjectOption({ project, current, disabled, mediaUrl, onChoose }: { project: ProjectChoice; current: boolean; disabled: boolean; mediaUrl: (path: string) => string; onChoose: () => void }) {
  const count = project.itemCount;
  return (
    <button type="button" className="project" data-testid="project-option" data-project-id={project.id} aria-pressed={current} disabled={disabled} onClick={onChoose}>
      {project.coverFileId ? (
        <img className="project__cover" src={mediaUrl(mediaPath({ fileId: project.coverFileId, ...THUMB, fit: 'fill' }))} width={THUMB.width} height={THUMB.height} alt="" loading="lazy" decoding="async" />
      ) : (
        <span className="project__cover project__cover--none" aria-hidden="true" />
      )}
      <span className="project__text">
        <span className="project__title">{project.title}</span>
        {count !== undefined && (
          <span className="project__count">
            {count} {count === 1 ? 'photo' : 'photos'}
          </span>
        )}
        {/* Under the title, not beside it: a long title keeps the card's whole width on a phone. */}
        {current && <span className="project__badge">Showing now</span>}
      </span>
    </button>
  );
}

function ManualProjectId({ disabled, onUse }: { disabled: boolean; onUse: (id: string) => void }) {
  const model = useModel();
  const error = useSettings((s) => s.errors.projectId);
  const [id, setId] = useState('');
  const [open, setOpen] = useState(false);
  const field = 'projectId';
  // Most people pick from the list: typing an ID is folded away until needed (or refused).
  return (
    <details className="disclosure" open={open || !!error} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>Type a project ID instead</summary>
      <div className="field">
        <label className="field__label" htmlFor={controlId(field)}>
          Project ID
        </label>
        <div className="field__body">
          <div className="field__control">
            <input
              id={controlId(field)}
              value={id}
              placeholder="123e4567-e89b-12d3-a456-426614174000"
              spellCheck={false}
              autoComplete="off"
              autoCapitalize="off"
              aria-invalid={error ? true : undefined}
              aria-describedby={`hint-${field}${error ? ` error-${field}` : ''}`}
              onChange={(e) => {
                setId(e.target.value);
                model.clearError(field);
              }}
              onKeyDown={(e) => {
                stopSubmit(e);
                if (e.key === 'Enter') onUse(id);
              }}
            />
            <button type="button" className="button" data-testid="use-project-id" disabled={disabled || !id.trim()} onClick={() => onUse(id)}>
              Use this project
            </button>
          </div>
          <FieldNotes field={field} hint="For a project the key can read but not list." note={null} error={error} />
        </div>
      </div>
    </details>
  );
}

/** Enter here means this field's own action, not saving the whole form. */
function stopSubmit(e: KeyboardEvent<HTMLInputElement>) {
  if (e.key === 'Enter') e.preventDefault();
}
