// The built-in demo gallery: a Wix-shaped project of generated landscapes.

export const DEMO_PROJECT_ID = 'de300000-0000-4000-8000-000000000001';
export const DEMO_API_KEY = 'demo-api-key';
export const DEMO_SITE_ID = 'de300000-0000-4000-8000-0000000051fe';

const TITLES = [
  'Morning over the lake',
  'First snow on the ridge',
  'Harbour at dusk',
  'Lavender fields',
  'The long walk home',
  'Autumn in the valley',
  'Sunday picnic',
  'Lighthouse point',
  'Grandma’s garden',
  'Northern sky',
  'Desert road',
  'Low tide',
  'Summer cabin',
  'Evening glow',
];

export interface RawWixItem {
  id: string;
  projectId: string;
  sortOrder: number;
  title: string;
  description: string;
  type: 'IMAGE' | 'VIDEO';
  image?: { imageInfo: { id: string; url: string; width: number; height: number } };
  createdDate: string;
  updatedDate: string;
}

export function demoItemId(index: number): string {
  return `de300000-0000-4000-8000-${(0x100000000000 + index).toString(16)}`;
}

/** A Wix image item whose media is served by the fake Wix at mediaBaseUrl. */
export function sampleItem(projectId: string, index: number, mediaBaseUrl: string, title = `Photo ${index + 1}`): RawWixItem {
  const fileId = `demo${index}_${projectId.slice(-4)}~mv2.jpg`;
  const portrait = index % 5 === 3;
  const date = new Date(Date.UTC(2026, 0, 1, 12, index)).toISOString();
  return {
    id: projectId === DEMO_PROJECT_ID ? demoItemId(index) : `${projectId.slice(0, 24)}${(0x200000000000 + index).toString(16)}`,
    projectId,
    sortOrder: index + 1,
    title,
    description: `Sample photo ${index + 1}`,
    type: 'IMAGE',
    image: { imageInfo: { id: fileId, url: `${mediaBaseUrl}/media/${fileId}`, width: portrait ? 4000 : 6000, height: portrait ? 6000 : 4000 } },
    createdDate: date,
    updatedDate: date,
  };
}

export function demoItems(mediaBaseUrl: string): RawWixItem[] {
  return TITLES.map((title, index) => sampleItem(DEMO_PROJECT_ID, index, mediaBaseUrl, title));
}
