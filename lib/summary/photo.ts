import 'server-only';
import sharp, { type Metadata } from 'sharp';

// Photos are checked by what they are, not by what the browser says they are: sharp decodes the file, so only a
// real JPEG, PNG or WebP passes (an SVG, which could carry a script, never does). It is then re-encoded as a JPEG
// no wider than a news page needs, which drops camera metadata such as a GPS position.

export const PHOTO_MAX_BYTES = 10 * 1024 * 1024;
export const PHOTO_MIN_WIDTH = 600;
const PHOTO_MAX_WIDTH = 1600;
const ACCEPTED_FORMATS = new Set(['jpeg', 'png', 'webp']);

export type PhotoProblem = 'missing' | 'tooLarge' | 'notAnImage' | 'wrongType' | 'tooSmall';
export type PreparedPhoto = { data: Buffer; contentType: 'image/jpeg'; width: number; height: number };

export async function preparePhoto(
  file: Buffer,
): Promise<{ ok: true; photo: PreparedPhoto } | { ok: false; problem: PhotoProblem }> {
  if (!file.length) return { ok: false, problem: 'missing' };
  if (file.length > PHOTO_MAX_BYTES) return { ok: false, problem: 'tooLarge' };
  let metadata: Metadata;
  try {
    // limitInputPixels: a small file that decodes to a gigantic image is refused, not decoded.
    metadata = await sharp(file, { limitInputPixels: 60_000_000 }).metadata();
  } catch {
    return { ok: false, problem: 'notAnImage' };
  }
  if (!metadata.format || !ACCEPTED_FORMATS.has(metadata.format)) return { ok: false, problem: 'wrongType' };
  // Width as displayed (a portrait photo from a phone is stored sideways with an orientation tag).
  const sideways = (metadata.orientation ?? 1) >= 5;
  const width = (sideways ? metadata.height : metadata.width) ?? 0;
  if (width < PHOTO_MIN_WIDTH) return { ok: false, problem: 'tooSmall' };
  try {
    const { data, info } = await sharp(file, { limitInputPixels: 60_000_000 })
      .rotate()
      .resize({ width: PHOTO_MAX_WIDTH, withoutEnlargement: true })
      .jpeg({ quality: 80, mozjpeg: true })
      .toBuffer({ resolveWithObject: true });
    return { ok: true, photo: { data, contentType: 'image/jpeg', width: info.width, height: info.height } };
  } catch {
    return { ok: false, problem: 'notAnImage' };
  }
}
