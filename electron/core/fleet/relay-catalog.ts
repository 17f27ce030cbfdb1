// The site's projects for the frames' pickers (titles, covers, item counts),
// listed from Wix every ten minutes (or per poll, if rarer) and published
// retained and signed.
import type { ProjectChoice } from '../../../shared/settings-api';
import type { Logger } from '../frame-types';
import type { WixClient } from '../wix/client';

export interface CatalogBody {
  projects: ProjectChoice[];
}

export async function listAllProjects(client: WixClient, logger: Logger): Promise<ProjectChoice[] | null> {
  try {
    const projects: ProjectChoice[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<WixClient['listProjects']>> = await client.listProjects(cursor ?? undefined);
      projects.push(...page.projects);
      cursor = page.nextCursor;
    } while (cursor && projects.length < 500);
    return projects;
  } catch (error) {
    logger.warn(`Relay could not list the site's projects: ${(error as Error).message}`);
    return null;
  }
}
