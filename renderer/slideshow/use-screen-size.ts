// The screen in device pixels: media is always requested at exactly this size.
import { useEffect, useState } from 'react';

export interface ScreenSize {
  width: number;
  height: number;
}

const RESIZE_SETTLE_MS = 500;

function readScreenSize(): ScreenSize {
  const dpr = window.devicePixelRatio || 1;
  return { width: Math.round(window.innerWidth * dpr), height: Math.round(window.innerHeight * dpr) };
}

export function useScreenSize(): ScreenSize {
  const [size, setSize] = useState(readScreenSize);
  useEffect(() => {
    // Wait for a resize to settle: every new size means new downloads.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const settle = () => {
      const next = readScreenSize();
      setSize((prev) => (prev.width === next.width && prev.height === next.height ? prev : next));
    };
    const onResize = () => {
      clearTimeout(timer);
      timer = setTimeout(settle, RESIZE_SETTLE_MS);
    };
    window.addEventListener('resize', onResize);
    return () => {
      window.removeEventListener('resize', onResize);
      clearTimeout(timer);
    };
  }, []);
  return size;
}
