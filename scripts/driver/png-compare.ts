/**
 * Pixel comparison of two screenshots of the same size: how many pixels differ beyond
 * pixelmatch's perceptual threshold (anti-aliasing is not counted), inside an inset rectangle.
 */
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';

export function comparePng(
  expected: Buffer,
  actual: Buffer,
  { inset = 0, threshold = 0.1 }: { inset?: number; threshold?: number } = {},
): { differing: number; total: number } {
  const a = PNG.sync.read(expected);
  const b = PNG.sync.read(actual);
  if (a.width !== b.width || a.height !== b.height) {
    throw new Error(`sizes differ: ${a.width}×${a.height} and ${b.width}×${b.height}`);
  }
  const crop = (image: PNG) => {
    const width = Math.max(0, image.width - 2 * inset);
    const height = Math.max(0, image.height - 2 * inset);
    const out = new PNG({ width, height });
    PNG.bitblt(image, out, inset, inset, width, height, 0, 0);
    return out;
  };
  const left = crop(a);
  const right = crop(b);
  const differing = pixelmatch(left.data, right.data, null, left.width, left.height, { threshold });
  return { differing, total: left.width * left.height };
}
