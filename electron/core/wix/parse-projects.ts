// Projects for the settings picker: id, title, cover and item count when given.
import { malformed } from './errors';
import { fileIdFromUrl } from './parse-items';

export interface ProjectSummary {
  id: string;
  title: string;
  coverFileId?: string;
  itemCount?: number;
}

type Json = Record<string, unknown>;

export function parseProjects(body: unknown): { projects: ProjectSummary[]; nextCursor: string | null } {
  const obj = body && typeof body === 'object' ? (body as Json) : null;
  if (!obj || (obj.projects !== undefined && !Array.isArray(obj.projects))) throw malformed('projects response without a projects list');
  const projects: ProjectSummary[] = [];
  for (const entry of (obj.projects as unknown[] | undefined) ?? []) {
    const p = entry && typeof entry === 'object' ? (entry as Json) : null;
    if (!p || typeof p.id !== 'string' || p.id === '') continue;
    const summary: ProjectSummary = { id: p.id, title: typeof p.title === 'string' && p.title ? p.title : 'Untitled project' };
    const cover = coverOf(p);
    if (cover) summary.coverFileId = cover;
    const count = p.itemCount ?? (p.details as Json | undefined)?.itemCount;
    if (typeof count === 'number') summary.itemCount = count;
    projects.push(summary);
  }
  const cursors = (obj.metadata as Json | undefined)?.cursors as Json | undefined;
  const next = typeof cursors?.next === 'string' && cursors.next ? cursors.next : null;
  return { projects, nextCursor: next };
}

function coverOf(project: Json): string | undefined {
  const coverImage = ((project.coverImage as Json | undefined)?.imageInfo as Json | undefined) ?? undefined;
  const cover = (project.coverImage as Json | undefined) ?? undefined;
  const candidates = [coverImage?.id, coverImage?.url, cover?.id, cover?.url];
  for (const candidate of candidates) {
    if (typeof candidate !== 'string' || !candidate) continue;
    return fileIdFromUrl(candidate) ?? candidate;
  }
  return undefined;
}
