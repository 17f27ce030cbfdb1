// The built-in demo gallery: a Wix-shaped project of generated scenes, portraits and a short video.
import { sceneSun } from './scene-png';

export const DEMO_PROJECT_ID = 'de300000-0000-4000-8000-000000000001';
export const DEMO_API_KEY = 'demo-api-key';
export const DEMO_SITE_ID = 'de300000-0000-4000-8000-0000000051fe';

/** The demo's photos in gallery order: portraits and a video early on, so the first minute shows pairing and the rest. */
const DEMO: { title: string; kind: 'landscape' | 'portrait' | 'video' }[] = [
  { title: 'Morning over the lake', kind: 'landscape' },
  { title: 'Grandma’s garden', kind: 'portrait' },
  { title: 'Lighthouse point', kind: 'portrait' },
  { title: 'First snow on the ridge', kind: 'landscape' },
  { title: 'Clouds over the bay', kind: 'video' },
  { title: 'Lavender fields', kind: 'landscape' },
  { title: 'Sunday picnic', kind: 'portrait' },
  { title: 'The long walk home', kind: 'portrait' },
  { title: 'Autumn in the valley', kind: 'landscape' },
  { title: 'Northern sky', kind: 'portrait' },
  { title: 'Desert road', kind: 'landscape' },
  { title: 'Low tide', kind: 'landscape' },
  { title: 'Summer cabin', kind: 'portrait' },
  { title: 'Evening glow', kind: 'landscape' },
  { title: 'Harbour at dusk', kind: 'portrait' },
];

/** The demo video's rendition, served by the fake Wix at /video-files/<name>. */
export const DEMO_CLIP_FILE = 'demo-clip.webm';
/** Its poster: the scene the clip was drawn over (bench/make-demo-clip.ts). */
export const DEMO_CLIP_POSTER_ID = 'democlip_poster~mv2.jpg';

export interface RawWixItem {
  id: string;
  projectId: string;
  sortOrder: number;
  title: string;
  description: string;
  type: 'IMAGE' | 'VIDEO';
  /** As Wix's Image: the focal point beside imageInfo. */
  image?: { imageInfo: { id: string; url: string; width: number; height: number }; focalPoint?: { x: number; y: number } };
  video?: { videoInfo: { id: string; url?: string; width: number; height: number; resolutions: { url: string; width: number; height: number }[]; posters: { id: string; url: string; width: number; height: number }[] } };
  createdDate: string;
  updatedDate: string;
}

export function demoItemId(index: number): string {
  return `de300000-0000-4000-8000-${(0x100000000000 + index).toString(16)}`;
}

/** A Wix image item whose media is served by the fake Wix at mediaBaseUrl. */
export function sampleItem(projectId: string, index: number, mediaBaseUrl: string, title = `Photo ${index + 1}`, portrait = index % 5 === 3): RawWixItem {
  const fileId = `demo${index}_${projectId.slice(-4)}~mv2.jpg`;
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

/** A Wix video item with one rendition and a poster, both served by the fake Wix. */
export function videoItem(projectId: string, index: number, mediaBaseUrl: string, title: string, file: string, posterId: string): RawWixItem {
  const base = sampleItem(projectId, index, mediaBaseUrl, title);
  const { image: _image, ...rest } = base;
  return {
    ...rest,
    type: 'VIDEO',
    video: {
      videoInfo: {
        id: `${file.replace(/\W/g, '')}-${index}`,
        url: `${mediaBaseUrl}/video-files/${file}`,
        width: 960,
        height: 540,
        resolutions: [{ url: `${mediaBaseUrl}/video-files/${file}`, width: 960, height: 540 }],
        posters: [{ id: posterId, url: `${mediaBaseUrl}/media/${posterId}`, width: 960, height: 540 }],
      },
    },
  };
}

export function demoItems(mediaBaseUrl: string): RawWixItem[] {
  return DEMO.map(({ title, kind }, index) => {
    if (kind === 'video') return videoItem(DEMO_PROJECT_ID, index, mediaBaseUrl, title, DEMO_CLIP_FILE, DEMO_CLIP_POSTER_ID);
    const item = sampleItem(DEMO_PROJECT_ID, index, mediaBaseUrl, title, kind === 'portrait');
    // The sun is where the eye goes: it is the demo's focal point (as a Wix user would set it).
    item.image!.focalPoint = sceneSun(item.image!.imageInfo.id);
    return item;
  });
}
