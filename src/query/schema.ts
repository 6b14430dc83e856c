/**
 * A JSON Schema (draft-07) of `QuerySpec`, for editors and for checking query specs written in JSON
 * files before they reach chiso. `validateQuery` remains the authority (it also knows the registry's
 * vocabulary in its messages); the tests keep the two in step.
 */
import { DeriveOp, RankDirection, SelectLevel, SortOrder, SummaryFn } from './spec.js';
import { Status } from '../types.js';
import { QUERY_LIMITS as L } from './limits.js';

// The budgets (`QUERY_LIMITS`) that a schema can say; `validateQuery` also checks depth, characters and names.
const column = { type: 'string', pattern: '^(?!__)[A-Za-z_][A-Za-z0-9_]*$', maxLength: L.stringLength } as const;
const text = { type: 'string', minLength: 1, maxLength: L.stringLength } as const;
const number = { type: 'number', minimum: -L.magnitude, maximum: L.magnitude } as const;
const year = { type: 'number', minimum: -L.year, maximum: L.year } as const;
const items = <T>(item: T) => ({ type: 'array', items: item, maxItems: L.listItems }) as const;
const columns = <T>(item: T) => ({ type: 'array', items: item, maxItems: L.columnItems }) as const;
const period = { anyOf: [text, { type: 'integer', minimum: -L.year, maximum: L.year }] } as const;
const seriesRef = { anyOf: [text, { type: 'null' }] } as const;
const closed = <P extends Record<string, unknown>>(properties: P, required: string[] = []) =>
  ({ type: 'object', properties, required, additionalProperties: false }) as const;
const op = (name: string) => ({ const: name }) as const;

export const querySchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://chiso.dev/schema/query.json',
  title: 'chiso query spec',
  ...closed({
    select: closed({
      indicators: items(text),
      regions: {
        anyOf: [
          items(text),
          closed({ level: { enum: Object.keys(SelectLevel) } }, ['level']),
          closed({ parent2025: { type: 'string', pattern: '^34:\\d\\d$' } }, ['parent2025']),
        ],
      },
      periods: {
        anyOf: [
          { const: 'latest' },
          items(period),
          closed({ from: year, to: year }),
        ],
      },
      series: { anyOf: [{ type: 'null' }, items(seriesRef)] },
      status: { anyOf: [{ enum: Object.keys(Status) }, { type: 'array', items: { enum: Object.keys(Status) } }] },
    }),
    derive: {
      type: 'array',
      maxItems: L.deriveSteps,
      items: {
        type: 'object',
        required: ['op'],
        properties: { op: { enum: Object.keys(DeriveOp) } },
        oneOf: [
          closed({ op: { enum: ['change', 'percentChange'] }, base: period, as: column }, ['op']),
          closed({ op: op('rank'), direction: { enum: Object.keys(RankDirection) }, as: column }, ['op']),
          closed({
            op: op('share'),
            denominator: closed({ indicator: text, series: seriesRef }, ['indicator']),
            scale: number,
            as: column,
          }, ['op']),
          closed({
            op: op('gapToTarget'),
            target: { anyOf: [number, { type: 'object', maxProperties: L.listItems, additionalProperties: number }] },
            as: column,
            reachedAs: column,
          }, ['op', 'target']),
          closed({ op: op('latest') }, ['op']),
          closed({
            op: op('reaggregate'),
            weight: { anyOf: [closed({ indicator: text, series: seriesRef }, ['indicator']), closed({ column }, ['column'])] },
          }, ['op']),
          closed({
            op: op('summarize'),
            by: columns(column),
            measures: {
              type: 'object',
              minProperties: 1,
              maxProperties: L.columnItems,
              propertyNames: column,
              additionalProperties: closed({ fn: { enum: Object.keys(SummaryFn) }, column }, ['fn']),
            },
            unweighted: { type: 'boolean' },
          }, ['op', 'measures']),
        ],
      },
    },
    orderby: columns({ anyOf: [column, closed({ column, order: { enum: Object.keys(SortOrder) } }, ['column'])] }),
    limit: { type: 'integer', minimum: 0, maximum: L.limit },
    columns: columns(column),
  }),
} as const;
