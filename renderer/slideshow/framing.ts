// How a picture meets the screen: what size to ask the shell for, where a
// 'fill' crop keeps the focal point, and the tiny backdrop behind a 'fit'
// photo. Pure arithmetic; sizes are device pixels.
import type { FitMode } from '../../shared/display';
import type { FocalPoint } from '../../shared/gallery';

export interface Size {
  width: number;
  height: number;
}

export interface PictureRequest extends Size {
  fit: FitMode;
  /** CSS object-position, set when the crop follows a focal point. */
  position?: string;
}

export interface PictureInfo {
  width?: number;
  height?: number;
  focalPoint?: FocalPoint;
}

const MAX_DIMENSION = 5000;

/**
 * The resized picture to ask for. 'fit' and plain 'fill' are exactly the
 * screen (Wix crops 'fill' around the centre). 'fill' with a focal point asks
 * for the whole picture just large enough to cover the screen, and crops it in
 * the browser so the focal point stays as central as the picture allows.
 */
export function pictureRequest(screen: Size, fit: FitMode, info: PictureInfo | undefined): PictureRequest {
  const plain: PictureRequest = { width: screen.width, height: screen.height, fit };
  const { width, height, focalPoint } = info ?? {};
  if (fit !== 'fill' || !focalPoint || !width || !height) return plain;
  const cover = Math.max(screen.width / width, screen.height / height);
  let w = width * cover;
  let h = height * cover;
  const over = Math.max(w, h) / MAX_DIMENSION;
  if (over > 1) [w, h] = [w / over, h / over];
  return { width: Math.max(1, Math.round(w)), height: Math.max(1, Math.round(h)), fit: 'fit', position: focalPosition(screen, { width, height }, focalPoint) };
}

/**
 * object-position for object-fit: cover that puts the focal point in the
 * middle of the screen, or as near as the picture's edges allow.
 */
export function focalPosition(screen: Size, picture: Size, focal: FocalPoint): string {
  const cover = Math.max(screen.width / picture.width, screen.height / picture.height);
  const axis = (box: number, shown: number, at: number) => {
    if (shown - box < 0.5) return 50;
    // object-position p puts the picture at (box - shown) * p; we want the focal point at box / 2.
    const p = (box / 2 - at * shown) / (box - shown);
    return Math.round(Math.min(1, Math.max(0, p)) * 1000) / 10;
  };
  return `${axis(screen.width, picture.width * cover, focal.x)}% ${axis(screen.height, picture.height * cover, focal.y)}%`;
}

/** Backdrop pixels across: blurred and scaled up, a few hundred pixels look the same as millions. */
export const BACKDROP_WIDTH = 32;

/**
 * Size of the tiny copy drawn behind a 'fit' picture, or null when the
 * picture covers (nearly) the whole screen and a backdrop would not show.
 */
export function backdropSize(picture: Size, screen: Size): Size | null {
  if (!(picture.width > 0 && picture.height > 0 && screen.width > 0 && screen.height > 0)) return null;
  const aspect = picture.width / picture.height;
  if (Math.abs(aspect / (screen.width / screen.height) - 1) < 0.02) return null;
  return { width: BACKDROP_WIDTH, height: Math.max(1, Math.round(BACKDROP_WIDTH / aspect)) };
}

/**
 * Where the focal point lands on the screen, as fractions of it, for a
 * picture shown whole ('fit') or covering the screen ('fill', at the
 * object-position focalPosition gives). The centre when there is none.
 */
export function shownFocus(screen: Size, picture: PictureInfo | undefined, fit: FitMode): { x: number; y: number } {
  const { width, height, focalPoint } = picture ?? {};
  if (!focalPoint || !width || !height || !(screen.width > 0 && screen.height > 0)) return { x: 0.5, y: 0.5 };
  const scale = fit === 'fill' ? Math.max(screen.width / width, screen.height / height) : Math.min(screen.width / width, screen.height / height);
  const axis = (box: number, shown: number, at: number, place: number) => {
    const offset = (box - shown) * place;
    return Math.min(1, Math.max(0, (offset + at * shown) / box));
  };
  const place = fit === 'fill' ? focalPosition(screen, { width, height }, focalPoint).split(' ').map((p) => parseFloat(p) / 100) : [0.5, 0.5];
  const round = (n: number) => Math.round(n * 1000) / 1000;
  return { x: round(axis(screen.width, width * scale, focalPoint.x, place[0]!)), y: round(axis(screen.height, height * scale, focalPoint.y, place[1]!)) };
}

/** The box each photo of a pair gets: half the screen less a thin seam. */
export function halfBox(screen: Size, layout: 'row' | 'column'): Size {
  const seam = pairSeam(screen);
  return layout === 'row'
    ? { width: Math.max(1, Math.floor((screen.width - seam) / 2)), height: screen.height }
    : { width: screen.width, height: Math.max(1, Math.floor((screen.height - seam) / 2)) };
}

/** The gap between the photos of a pair, in device pixels: thin, but enough to read as two pictures. */
export function pairSeam(screen: Size): number {
  return Math.max(4, Math.round(Math.min(screen.width, screen.height) * 0.012));
}
