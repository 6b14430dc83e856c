/**
 * TrueType subsets straight from harfbuzz's wasm subsetter: the calls subset-font makes for a
 * TrueType/OpenType face cut to TrueType, without loading subset-font's format converters (WOFF2's
 * encoder alone costs about 40 ms of every `chiso render` start). Same wasm, same calls, same bytes;
 * WOFF2 output and WOFF input still go through subset-font.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** The harfbuzz exports called here, as subset-font calls them. */
interface Harfbuzz {
  memory: WebAssembly.Memory;
  _initialize(): void;
  malloc(size: number): number;
  free(pointer: number): void;
  hb_blob_create(data: number, length: number, mode: number, userData: number, destroy: number): number;
  hb_blob_destroy(blob: number): void;
  hb_blob_get_data(blob: number, length: number): number;
  hb_blob_get_length(blob: number): number;
  hb_face_create(blob: number, index: number): number;
  hb_face_destroy(face: number): void;
  hb_face_reference_blob(face: number): number;
  hb_set_add(set: number, value: number): void;
  hb_set_clear(set: number): void;
  hb_subset_input_create_or_fail(): number;
  hb_subset_input_destroy(input: number): void;
  hb_subset_input_get_flags(input: number): number;
  hb_subset_input_set_flags(input: number, flags: number): void;
  hb_subset_input_set(input: number, which: number): number;
  hb_subset_input_unicode_set(input: number): number;
  hb_subset_or_fail(face: number, input: number): number;
}

const HB_MEMORY_MODE_WRITABLE = 2;
const HB_SUBSET_SETS_LAYOUT_FEATURE_TAG = 6;
const HB_SUBSET_FLAGS_NO_HINTING = 0x00000001;

const tag = (name: string) => [...name].reduce((a, ch) => (a << 8) + ch.charCodeAt(0), 0);

let harfbuzz: Promise<Harfbuzz> | undefined;

/** The wasm file subset-font itself loads, found as subset-font finds it. */
function wasmFile(): string {
  const subsetFont = createRequire(import.meta.url).resolve('subset-font');
  return createRequire(subsetFont).resolve('harfbuzzjs/dist/harfbuzz-subset.wasm');
}

function load(): Promise<Harfbuzz> {
  return (harfbuzz ??= WebAssembly.instantiate(readFileSync(wasmFile())).then(({ instance }) => {
    const hb = instance.exports as unknown as Harfbuzz;
    hb._initialize();
    return hb;
  }));
}

let versions: string | undefined;

/** What makes the subsets: the versions of subset-font and of harfbuzzjs (whose wasm does the cutting). */
export function subsetterVersion(): string {
  if (versions === undefined) {
    const version = (file: string) => {
      try {
        return (JSON.parse(readFileSync(file, 'utf8')) as { version?: string }).version ?? '?';
      } catch {
        return '?';
      }
    };
    const subsetFont = createRequire(import.meta.url).resolve('subset-font');
    versions = `subset-font ${version(join(dirname(subsetFont), 'package.json'))}; harfbuzzjs ${version(join(dirname(wasmFile()), '../package.json'))}`;
  }
  return versions;
}

/** `font` (TrueType or OpenType, see `isSfnt`) cut to the characters of `text`, layout features limited to `features`, hinting dropped, as TrueType. */
export async function subsetTrueType(font: Uint8Array, text: string, features: readonly string[]): Promise<Buffer> {
  const hb = await load();
  // The wasm memory can grow while subsetting, which detaches older views: a fresh one each time.
  const heap = () => new Uint8Array(hb.memory.buffer);
  const input = hb.hb_subset_input_create_or_fail();
  if (input === 0) throw new Error('hb_subset_input_create_or_fail (harfbuzz) failed');
  const buffer = hb.malloc(font.byteLength);
  heap().set(font, buffer);
  const blob = hb.hb_blob_create(buffer, font.byteLength, HB_MEMORY_MODE_WRITABLE, 0, 0);
  const face = hb.hb_face_create(blob, 0);
  hb.hb_blob_destroy(blob);
  const layoutFeatures = hb.hb_subset_input_set(input, HB_SUBSET_SETS_LAYOUT_FEATURE_TAG);
  hb.hb_set_clear(layoutFeatures);
  for (const feature of features) hb.hb_set_add(layoutFeatures, tag(feature));
  const flags = hb.hb_subset_input_get_flags(input);
  if ((flags | HB_SUBSET_FLAGS_NO_HINTING) !== flags) hb.hb_subset_input_set_flags(input, flags | HB_SUBSET_FLAGS_NO_HINTING);
  const unicodes = hb.hb_subset_input_unicode_set(input);
  for (const ch of text) hb.hb_set_add(unicodes, ch.codePointAt(0) as number);
  let subset: number;
  try {
    subset = hb.hb_subset_or_fail(face, input);
  } finally {
    hb.hb_subset_input_destroy(input);
  }
  if (subset === 0) {
    hb.hb_face_destroy(face);
    hb.free(buffer);
    throw new Error('hb_subset_or_fail (harfbuzz) failed: is the font file damaged?');
  }
  const result = hb.hb_face_reference_blob(subset);
  const offset = hb.hb_blob_get_data(result, 0);
  const length = hb.hb_blob_get_length(result);
  const bytes = length === 0 ? undefined : Buffer.from(heap().subarray(offset, offset + length));
  hb.hb_blob_destroy(result);
  hb.hb_face_destroy(subset);
  hb.hb_face_destroy(face);
  hb.free(buffer);
  if (!bytes) throw new Error('harfbuzz made an empty subset: is the font file damaged?');
  return bytes;
}
