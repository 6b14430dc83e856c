/**
 * A JSON Schema (draft-07) of `QuerySpec`, for editors and for checking query specs written in JSON
 * files before they reach chiso. `validateQuery` remains the authority (it also knows the registry's
 * vocabulary in its messages); the tests keep the two in step.
 */
import { DeriveOp, RankDirection, SelectLevel, SortOrder, SummaryFn } from './spec.js';
import { Status } from '../types.js';

const column = { type: 'string', pattern: '^(?!__)[A-Za-z_][A-Za-z0-9_]*$' } as const;
const text = { type: 'string', minLength: 1 } as const;
const period = { anyOf: [text, { type: 'integer' }] } as const;
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
      indicators: { type: 'array', items: text },
      regions: {
        anyOf: [
          { type: 'array', items: text },
          closed({ level: { enum: Object.keys(SelectLevel) } }, ['level']),
          closed({ parent2025: { type: 'string', pattern: '^34:\\d\\d$' } }, ['parent2025']),
        ],
      },
      periods: {
        anyOf: [
          { const: 'latest' },
          { type: 'array', items: period },
          closed({ from: { type: 'number' }, to: { type: 'number' } }),
        ],
      },
      series: { anyOf: [{ type: 'null' }, { type: 'array', items: seriesRef }] },
      status: { anyOf: [{ enum: Object.keys(Status) }, { type: 'array', items: { enum: Object.keys(Status) } }] },
    }),
    derive: {
      type: 'array',
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
            scale: { type: 'number' },
            as: column,
          }, ['op']),
          closed({
            op: op('gapToTarget'),
            target: { anyOf: [{ type: 'number' }, { type: 'object', additionalProperties: { type: 'number' } }] },
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
            by: { type: 'array', items: column },
            measures: {
              type: 'object',
              minProperties: 1,
              propertyNames: column,
              additionalProperties: closed({ fn: { enum: Object.keys(SummaryFn) }, column }, ['fn']),
            },
            unweighted: { type: 'boolean' },
          }, ['op', 'measures']),
        ],
      },
    },
    orderby: { type: 'array', items: { anyOf: [column, closed({ column, order: { enum: Object.keys(SortOrder) } }, ['column'])] } },
    limit: { type: 'integer', minimum: 0 },
    columns: { type: 'array', items: column },
  }),
} as const;
