// The Wix Portfolio calls Frame needs: list a project's items (offset paging),
// and list/query projects for the settings picker (cursor paging).
import { type WixAuth } from './auth';
import { malformed } from './errors';
import { WixHttp, type WixHttpOptions } from './http';
import { parseItems, type ParsedItems } from './parse-items';
import { parseProjects, type ProjectSummary } from './parse-projects';

export const PAGE_SIZE = 100;
/** 100,000 items: far beyond any real project; stops a server that ignores offsets. */
const MAX_PAGES = 1000;

export interface WixClientOptions extends Omit<WixHttpOptions, 'auth'> {
  auth: WixAuth;
}

export interface ProjectPage {
  projects: ProjectSummary[];
  nextCursor: string | null;
}

export class WixClient {
  private readonly http: WixHttp;

  constructor(options: WixClientOptions) {
    this.http = new WixHttp(options);
  }

  /** All items of a project, sorted; throws WixError unless every page arrived and parsed. */
  async listProjectItems(projectId: string, signal?: AbortSignal): Promise<ParsedItems> {
    const raw: unknown[] = [];
    for (let page = 0; page < MAX_PAGES; page++) {
      const body = await this.http.request({
        method: 'GET',
        path: `portfolio/v1/projectItems/${encodeURIComponent(projectId)}/items`,
        searchParams: { 'paging.limit': PAGE_SIZE, 'paging.offset': raw.length },
        what: `project ${projectId}`,
        ...(signal ? { signal } : {}),
      });
      const items = (body as { items?: unknown } | null)?.items;
      if (!body || typeof body !== 'object' || (items !== undefined && !Array.isArray(items))) {
        throw malformed('List Project Items without an items list');
      }
      const pageItems = items ?? [];
      raw.push(...pageItems);
      const total = readTotal(body);
      if (pageItems.length < PAGE_SIZE || (total !== null && raw.length >= total)) return parseItems(raw);
    }
    throw malformed(`more than ${MAX_PAGES} pages of items`);
  }

  /** How many items a project has, from one small page's metadata (null when Wix does not say). */
  async countProjectItems(projectId: string, signal?: AbortSignal): Promise<number | null> {
    const body = await this.http.request({
      method: 'GET',
      path: `portfolio/v1/projectItems/${encodeURIComponent(projectId)}/items`,
      searchParams: { 'paging.limit': 1, 'paging.offset': 0 },
      what: `project ${projectId}`,
      ...(signal ? { signal } : {}),
    });
    return body && typeof body === 'object' ? readTotal(body) : null;
  }

  /** One page of the site's projects (List Projects, cursor paging). */
  async listProjects(cursor?: string, signal?: AbortSignal): Promise<ProjectPage> {
    const searchParams: Record<string, string | number> = { 'paging.limit': PAGE_SIZE };
    if (cursor) searchParams['paging.cursor'] = cursor;
    const body = await this.http.request({ method: 'GET', path: 'portfolio/v1/projects', searchParams, what: 'the projects list', ...(signal ? { signal } : {}) });
    return parseProjects(body);
  }

  /** Projects whose title starts with the text (Query Projects). */
  async queryProjects(titlePrefix: string, cursor?: string, signal?: AbortSignal): Promise<ProjectPage> {
    const query = cursor
      ? { cursorPaging: { limit: PAGE_SIZE, cursor } }
      : { filter: titlePrefix ? { title: { $startsWith: titlePrefix } } : {}, cursorPaging: { limit: PAGE_SIZE } };
    const body = await this.http.request({ method: 'POST', path: 'portfolio/v1/projects/query', json: { query }, what: 'the projects query', ...(signal ? { signal } : {}) });
    return parseProjects(body);
  }
}

function readTotal(body: object): number | null {
  const metadata = (body as { metadata?: { total?: unknown; tooManyToCount?: unknown } }).metadata;
  if (!metadata || metadata.tooManyToCount === true) return null;
  return typeof metadata.total === 'number' && metadata.total >= 0 ? metadata.total : null;
}
