import { langOf, message, type Lang, type MessageCode, type MessageParams } from '../../messages/index.js';
import { isChisoError } from '../../errors.js';

/** A message of the components' catalogue in the page's language. */
export function t(code: MessageCode, lang: Lang, params: MessageParams = {}): string {
  return message(code, params, lang);
}

/** The page language an element speaks: its dashboard's, else the nearest `lang` attribute, else `vi`. */
export function pageLang(el: Element): Lang {
  return langOf(el.closest('[lang]')?.getAttribute('lang'));
}

/** Text of an error in one language: a ChisoError speaks both; anything else is an internal error. */
export function errorText(error: unknown, lang: Lang): string {
  if (isChisoError(error)) return error.text(lang);
  const detail = error instanceof Error ? error.message : String(error);
  return message('INTERNAL', { detail }, lang);
}
