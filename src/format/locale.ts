import { isLang, type Lang } from '../messages/index.js';
import { fail } from '../errors.js';

export { Lang, isLang } from '../messages/index.js';

/** Normalize at the door: `undefined` means Vietnamese; anything else unknown is refused. */
export function toLang(value: unknown): Lang {
  if (value === undefined || value === null) return 'vi';
  if (isLang(value)) return value;
  return fail('FORMAT_UNKNOWN_LOCALE', { value: String(value) });
}
