// The contributors' page says where each idea lives; a file it names that does not exist sends the next
// engineer looking in the wrong place.
import { describe, expect, test } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

describe('docs/*/architecture.md', () => {
  for (const lang of ['en', 'vi']) {
    test(`${lang}: every file it names exists`, () => {
      const text = readFileSync(join(ROOT, 'docs', lang, 'architecture.md'), 'utf8');
      const named = [...text.matchAll(/`((?:src|scripts|test|api|data)\/[^`*<>\s]+)`/g)].map((m) => m[1]);
      expect(named.length).toBeGreaterThan(20);
      expect(named.filter((p) => !existsSync(join(ROOT, p)))).toEqual([]);
    });
  }

  test('both languages name the same files', () => {
    const files = (lang: string) =>
      [...new Set([...readFileSync(join(ROOT, 'docs', lang, 'architecture.md'), 'utf8').matchAll(/`((?:src|scripts|test|api|data)\/[^`*<>\s]+)`/g)].map((m) => m[1]))].sort();
    expect(files('vi')).toEqual(files('en'));
  });
});
