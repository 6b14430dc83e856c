/**
 * Assembles one statement from common table expressions. Values are recorded as markers while the
 * query is built and become numbered placeholders only when a statement is rendered, so each
 * statement (the query and each check) carries exactly the parameters it uses, in order.
 */
import { dialects, type DialectRules, type SqlColumnType, type SqlDialect, type SqlParam } from './dialect.js';
import type { SqlColumn } from './table.js';

/** A statement and its bound values, ready for a driver. */
export interface SqlStatement {
  sql: string;
  params: SqlParam[];
}

/** A named intermediate result and its columns. */
export interface Stage {
  name: string;
  cols: SqlColumn[];
}

const MARK = /\u0000(\d+)\u0000/g;

export class SqlBuilder {
  readonly d: DialectRules;
  private readonly values: { value: SqlParam; type: SqlColumnType }[] = [];
  private readonly ctes: { name: string; sql: string; materialized: boolean }[] = [];
  private counter = 0;

  constructor(dialect: SqlDialect) {
    this.d = dialects[dialect];
  }

  /** A bound value: a marker in SQL text, a placeholder once rendered. */
  bind(value: SqlParam, type: SqlColumnType): string {
    this.values.push({ value, type });
    return `\u0000${this.values.length - 1}\u0000`;
  }

  /** Quotes a validated identifier. */
  q(name: string): string {
    return this.d.quote(name);
  }

  /** `col IN (...)` over bound values; `FALSE` for an empty list (nothing matches). */
  inList(expr: string, values: readonly string[]): string {
    if (values.length === 0) return '1 = 0';
    return `${expr} IN (${values.map((v) => this.bind(v, 'text')).join(', ')})`;
  }

  /** Adds a common table expression and returns its stage; `materialized`: computed once (see `DialectRules.materialized`). */
  cte(prefix: string, sql: string, cols: SqlColumn[], materialized = false): Stage {
    const name = `__${prefix}${this.counter++}`;
    this.ctes.push({ name, sql, materialized });
    return { name, cols };
  }

  /** How many expressions exist so far: a check renders only those before it. */
  get depth(): number {
    return this.ctes.length;
  }

  /** The statement `WITH <expressions up to depth> <body>`, with numbered placeholders. */
  render(body: string, depth = this.ctes.length): SqlStatement {
    const withs = this.ctes.slice(0, depth);
    const text = (withs.length ? `WITH ${withs.map((c) => `${this.q(c.name)} AS ${c.materialized ? this.d.materialized : ''}(${c.sql})`).join(',\n')}\n` : '') + body + this.d.suffix;
    const params: SqlParam[] = [];
    const numbers = new Map<number, number>();
    const sql = text.replace(MARK, (_, i: string) => {
      const k = Number(i);
      let n = numbers.get(k);
      if (n === undefined) {
        params.push(this.values[k].value);
        n = params.length;
        numbers.set(k, n);
      }
      return this.d.placeholder(n, this.values[k].type);
    });
    return { sql, params };
  }
}
