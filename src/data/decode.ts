/**
 * Bytes to text. GSO's exports are UTF-8 with a BOM, but some were saved in Windows-1252 (the
 * administrative-units table writes `B\xecnh Dinh`): such bytes are not valid UTF-8, and reading
 * them as UTF-8 would turn the letter into U+FFFD. chiso decodes them as Windows-1252 and says so.
 */
import '../messages/data.js';
import { diagnostic, type Diagnostic } from '../errors.js';

export interface DecodedText {
  text: string;
  encoding: 'utf-8' | 'windows-1252';
  warnings: Diagnostic[];
}

export function decodeText(bytes: Uint8Array, file?: string): DecodedText {
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    return { text, encoding: 'utf-8', warnings: [] };
  } catch {
    const text = new TextDecoder('windows-1252').decode(bytes);
    return { text, encoding: 'windows-1252', warnings: [diagnostic('DATA_ENCODING_FALLBACK', { encoding: 'Windows-1252' }, { file }, 'warning')] };
  }
}
