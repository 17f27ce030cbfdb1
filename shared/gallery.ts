// The gallery as both processes see it. Produced by the sync core from Wix
// Project Items, consumed by the renderer. Plain data only: it crosses IPC,
// SSE and the snapshot file.

export type ItemType = 'IMAGE' | 'VIDEO';

export interface FocalPoint {
  /** 0..1 from the left edge */
  x: number;
  /** 0..1 from the top edge */
  y: number;
}

export interface ImageMedia {
  /** Wix media file id, e.g. "11062b_abc~mv2.jpg" */
  id: string;
  url?: string;
  width?: number;
  height?: number;
  focalPoint?: FocalPoint;
}

export interface VideoRendition {
  url: string;
  width?: number;
  height?: number;
  quality?: string;
}

export interface VideoMedia {
  id: string;
  url?: string;
  width?: number;
  height?: number;
  resolutions: VideoRendition[];
  /** Wix media file id of the poster frame, when Wix gives one */
  posterId?: string;
}

export interface GalleryItem {
  id: string;
  title: string;
  description: string;
  type: ItemType;
  sortOrder: number;
  createdDate?: string;
  updatedDate?: string;
  image?: ImageMedia;
  video?: VideoMedia;
}

export interface GalleryState {
  projectId: string | null;
  /** Ordered by sortOrder ascending, ties by id. */
  items: GalleryItem[];
  /** ISO time of the last complete sync, null before the first one. */
  syncedAt: string | null;
  /** A message a person understands, null while everything is fine. */
  lastError: string | null;
}

export const EMPTY_GALLERY: GalleryState = { projectId: null, items: [], syncedAt: null, lastError: null };

/** Order used everywhere: sortOrder ascending, ties broken by id. */
export function compareItems(a: GalleryItem, b: GalleryItem): number {
  if (a.sortOrder !== b.sortOrder) return a.sortOrder - b.sortOrder;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
