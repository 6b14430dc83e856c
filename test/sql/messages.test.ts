// Every code the SQL layer and the connectors raise has its text in both languages.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { message } from '../../src/messages/index.js';
import { sqlMessages } from '../../src/messages/sql.js';

const files = ['src/sql', 'src/connectors', 'examples/server'].flatMap((dir) =>
  readdirSync(new URL(`../../${dir}/`, import.meta.url)).filter((f) => f.endsWith('.ts')).map((f) => readFileSync(new URL(`../../${dir}/${f}`, import.meta.url), 'utf8')),
);
const used = new Set(files.flatMap((text) => [...text.matchAll(/\b(?:fail|diagnostic)\('(SQL_[A-Z_]+)'/g)].map((m) => m[1])));

describe('SQL messages', () => {
  it('raises only codes of its catalogue, and every code of it is raised somewhere', () => {
    expect(used.size).toBeGreaterThan(5);
    for (const code of used) expect(Object.keys(sqlMessages), code).toContain(code);
    for (const code of Object.keys(sqlMessages)) expect([...used], code).toContain(code);
  });

  it('speaks Vietnamese and English, with the values it is given', () => {
    for (const code of Object.keys(sqlMessages) as (keyof typeof sqlMessages)[]) {
      const p = { value: 'X1', allowed: 'A, B', engine: 'postgres', detail: 'D1', detailVi: 'D1', url: '/q', status: 500, column: 'c', reason: 'r', reasonVi: 'r', name: 'n' };
      const vi = message(code, p, 'vi');
      const en = message(code, p, 'en');
      expect(vi, code).not.toBe(code);
      expect(vi, code).not.toBe(en);
      expect(vi, code).toMatch(/[ạảãàáâậầấẩẫăắằặẳẵđêềếểễệôồốổỗộơờớởỡợưừứửữựìíỉĩịòóỏõọùúủũụỳýỷỹỵ]/i);
    }
  });
});
