// The browser's setTimeout in the shape the slideshow's units take (cancel function back).
export function startTimer(fn: () => void, ms: number): () => void {
  const handle = setTimeout(fn, ms);
  return () => clearTimeout(handle);
}
