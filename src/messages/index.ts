/**
 * Every user-facing message, in Vietnamese and English. Each layer keeps its catalogue in a file of
 * its own here; this module joins them so a code is looked up in one place.
 *
 * The catalogues the elements show before any data or recipe loads are registered here. The others
 * (queries, data loading, chart recipes, the cube, the command line, extraction, SQL, Node rendering)
 * register themselves when a module raising their codes imports them: each travels with its code, so
 * a portal page (`dist/chiso.embed.js`) downloads a catalogue only with the code that can show it.
 */
import { common } from './common.js';
import { registryMessages } from './registry.js';
import { labelMessages } from './labels.js';
import { componentsMessages } from './components.js';
import type { dataMessages } from './data.js';
import type { chartsMessages } from './charts.js';
import type { cubeMessages } from './cube.js';
import type { queryMessages } from './query.js';
import type { renderMessages } from './render.js';
import type { cliMessages } from './cli.js';
import type { extractMessages } from './extract.js';
import type { sqlMessages } from './sql.js';

export type MessageParams = Record<string, string | number | undefined>;
export type MessageTemplate = (p: MessageParams) => string;
export interface MessageEntry {
  vi: MessageTemplate;
  en: MessageTemplate;
}
export type Catalogue = Record<string, MessageEntry>;

const catalogues = [common, registryMessages, labelMessages, componentsMessages] as const;
/** Registered by their own modules (above). */
type OwnCatalogues = typeof queryMessages | typeof dataMessages | typeof chartsMessages | typeof cubeMessages | typeof renderMessages | typeof cliMessages | typeof extractMessages | typeof sqlMessages;

/** Every message code of every catalogue: a code that no catalogue defines does not compile. */
export type MessageCode = AllKeys<(typeof catalogues)[number] | OwnCatalogues>;
type AllKeys<T> = T extends unknown ? keyof T & string : never;

/**
 * Whether `code` is a message code of a loaded catalogue (for codes that arrive as data, e.g. from a
 * query endpoint): a catalogue is loaded with the first module that raises its codes.
 */
export function isMessageCode(code: unknown): code is MessageCode {
  return typeof code === 'string' && Object.hasOwn(all, code);
}

const all: Catalogue = {};
/** Each catalogue is registered once, at module load. Duplicate codes are a programming error. */
export function registerMessages(catalogue: Catalogue): void {
  for (const [code, entry] of Object.entries(catalogue)) {
    if (Object.hasOwn(all, code) && all[code] !== entry) throw new Error(`duplicate message code ${code}`);
    all[code] = entry;
  }
}
for (const c of catalogues) registerMessages(c);

/** The languages chiso speaks: in messages, numbers, dates and chart texts. Vietnamese is the default. */
export const Lang = { vi: 'vi', en: 'en' } as const;
export type Lang = keyof typeof Lang;

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && Object.hasOwn(Lang, value);
}

/**
 * The language of a page or element from its `lang` tag (`en`, `en-GB`, `vi-VN`): English for an
 * `en` tag, Vietnamese for anything else or none. The one place a tag becomes a `Lang`.
 */
export function langOf(tag: string | null | undefined): Lang {
  return (tag ?? '').trim().toLowerCase().startsWith('en') ? 'en' : 'vi';
}

/**
 * Control characters shown as escapes (`\u001b`): a value from a file or a request reaches a terminal
 * or a log through messages, and ESC, BEL, CR or a C1 control there could rewrite what is shown.
 * Line feeds and tabs stay, as messages use them.
 */
export function escapeControls(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The text of `code` in `lang`; every string parameter has its control characters escaped first. */
export function message(code: MessageCode, params: MessageParams = {}, lang: Lang = 'vi'): string {
  const entry = all[code];
  if (!entry) return code;
  const escaped: MessageParams = {};
  for (const [k, v] of Object.entries(params)) escaped[k] = typeof v === 'string' ? escapeControls(v) : v;
  return entry[lang](escaped);
}

export function hasMessage(code: string): boolean {
  return isMessageCode(code);
}
