import '../messages/cli.js';
import { fail } from '../errors.js';

export interface ParsedArgs {
  positional: string[];
  flags: Record<string, string | true>;
}

/**
 * Parses `--name value`, `--name=value` and bare `--flag`; `-h` is `--help`. `known` lists each flag
 * and whether it takes a value; an unknown flag, long or short (`-j`), is an error that names it,
 * never ignored. A lone `-` and negative numbers (`-5`) stay positional.
 */
export function parseArgs(args: string[], known: Record<string, 'value' | 'boolean'>): ParsedArgs {
  const positional: string[] = [];
  const flags: Record<string, string | true> = {};
  for (let i = 0; i < args.length; i++) {
    let arg = args[i];
    if (arg === '-h' && known.help) arg = '--help';
    else if (/^-[^-\d.]/.test(arg)) fail('CLI_UNKNOWN_FLAG', { flag: arg, known: Object.keys(known).map((k) => `--${k}`).join(', ') });
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq === -1 ? undefined : eq);
    const kind = known[name];
    if (!kind) fail('CLI_UNKNOWN_FLAG', { flag: `--${name}`, known: Object.keys(known).map((k) => `--${k}`).join(', ') });
    if (kind === 'boolean') {
      flags[name] = true;
      continue;
    }
    const value = eq === -1 ? args[++i] : arg.slice(eq + 1);
    if (value === undefined || (eq === -1 && value.startsWith('--'))) fail('CLI_FLAG_NEEDS_VALUE', { flag: `--${name}` });
    flags[name] = value;
  }
  return { positional, flags };
}
