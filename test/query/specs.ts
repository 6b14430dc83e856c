/** Query specs shared by the tests: valid ones run on synthetic tables, invalid ones with their error. */

/** Every operation, alone and chained, as run on the seeded synthetic tables. */
export const syntheticSpecs: [string, unknown][] = [
  ['select indicators and range', { select: { indicators: ['poverty_rate', 'households'], periods: { from: 2010, to: 2016 } } }],
  ['select many indicators (set)', { select: { indicators: ['poverty_rate', 'households', 'admin_units', 'income_per_capita', 'new_rural_communes'] } }],
  ['select level, series list, status', { select: { regions: { level: 'province' }, series: [null, 'model'], status: ['final'] } }],
  ['select parent2025 and period list', { select: { regions: { parent2025: '34:91' }, periods: ['2010', '2021-2023'] } }],
  ['select latest', { select: { periods: 'latest' } }],
  ['change previous', { derive: [{ op: 'change' }] }],
  ['percentChange base', { derive: [{ op: 'percentChange', base: '2010' }] }],
  ['rank', { select: { indicators: ['poverty_rate', 'income_per_capita', 'new_rural_communes'] }, derive: [{ op: 'rank' }] }],
  ['rank asc', { derive: [{ op: 'rank', direction: 'asc' }] }],
  ['rank needs direction', { derive: [{ op: 'rank' }] }],
  ['share own', { derive: [{ op: 'share', scale: 1 }] }],
  ['share other', { select: { indicators: ['new_rural_communes'] }, derive: [{ op: 'share', denominator: { indicator: 'admin_units', series: 'communes' } }] }],
  ['gapToTarget', { derive: [{ op: 'gapToTarget', target: { poverty_rate: 5, income_per_capita: 3000, admin_units: 10 } }] }],
  ['gapToTarget one number', { select: { indicators: ['poverty_rate'] }, derive: [{ op: 'gapToTarget', target: 30 }] }],
  ['latest step', { derive: [{ op: 'change' }, { op: 'latest' }] }],
  ['reaggregate counts', { select: { indicators: ['new_rural_communes', 'households'] }, derive: [{ op: 'reaggregate' }] }],
  ['reaggregate rate refused', { select: { indicators: ['poverty_rate'] }, derive: [{ op: 'reaggregate' }] }],
  ['reaggregate rate by indicator', { select: { indicators: ['poverty_rate'], series: null }, derive: [{ op: 'reaggregate', weight: { indicator: 'households' } }] }],
  ['reaggregate by a derived column', { select: { indicators: ['poverty_rate'], series: null }, derive: [{ op: 'rank', direction: 'asc' }, { op: 'reaggregate', weight: { column: 'rank' } }] }],
  ['reaggregate by column', { select: { indicators: ['poverty_rate', 'income_per_capita'] }, derive: [{ op: 'reaggregate', weight: { column: 'denominator' } }] }],
  ['summarize', { derive: [{ op: 'summarize', by: ['indicator', 'region'], measures: { mean: { fn: 'mean' }, n: { fn: 'count' }, k: { fn: 'valid' }, lo: { fn: 'min' }, hi: { fn: 'max' }, s: { fn: 'sum', column: 'denominator' } } }] }],
  ['summarize everything', { derive: [{ op: 'summarize', measures: { mean: { fn: 'mean' }, n: { fn: 'count' }, p: { fn: 'max', column: 'period' } }, unweighted: true }] }],
  ['chain', {
    select: { indicators: ['new_rural_communes'], regions: { level: 'province' }, periods: { from: 2008 } },
    derive: [{ op: 'reaggregate' }, { op: 'share', denominator: { indicator: 'admin_units', series: 'communes' } }, { op: 'percentChange' }, { op: 'rank' }, { op: 'summarize', by: ['region', 'series'], measures: { best: { fn: 'min', column: 'rank' }, growth: { fn: 'mean', column: 'percentChange' } } }],
    orderby: [{ column: 'best', order: 'asc' }], limit: 10,
  }],
  // An aggregate after each step: running means round differently if the row order differs.
  ...([
    { op: 'change' }, { op: 'percentChange', base: '2012' }, { op: 'rank', direction: 'desc' }, { op: 'share' },
    { op: 'gapToTarget', target: 12.5 }, { op: 'latest' }, { op: 'reaggregate', weight: { column: 'denominator' } },
  ].map((step): [string, unknown] => [`${step.op} then mean`, {
    select: { indicators: ['poverty_rate', 'income_per_capita'] },
    derive: [step, { op: 'share', scale: 0.37, as: 'x' }, { op: 'summarize', by: ['indicator', 'series'], measures: { m: { fn: 'mean', column: 'x' }, s: { fn: 'sum', column: 'x' }, v: { fn: 'mean' }, dm: { fn: 'mean', column: 'denominator' }, dx: { fn: 'max', column: 'period' } }, unweighted: true }],
  }])),
  ['orderby limit columns', { orderby: [{ column: 'value', order: 'desc' }, 'period'], limit: 25, columns: ['region', 'period', 'value'] }],
];

/** Specs `validateQuery` must reject: the spec, the error code, and a value the message must name. */
export const invalidSpecs: [unknown, string, string][] = [
  [{ select: { regions: { level: 'commune' } } }, 'QUERY_UNKNOWN_KEYWORD', 'commune'],
  [{ select: { periods: 'newest' } }, 'QUERY_UNKNOWN_KEYWORD', 'newest'],
  [{ select: { status: ['draft'] } }, 'QUERY_UNKNOWN_KEYWORD', 'draft'],
  [{ select: { periods: { from: 2010, until: 2012 } } }, 'QUERY_UNKNOWN_KEY', 'until'],
  [{ derive: [{ op: 'rank', direction: 'up' }] }, 'QUERY_UNKNOWN_KEYWORD', 'up'],
  [{ derive: [{ op: 'change', baseline: '2010' }] }, 'QUERY_UNKNOWN_KEY', 'baseline'],
  [{ derive: [{ op: 'summarize', measures: { m: { fn: 'avg' } } }] }, 'QUERY_UNKNOWN_KEYWORD', 'avg'],
  [{ derive: [{ op: 'summarize', measures: {} }] }, 'QUERY_MISSING_KEY', 'measure'],
  [{ derive: [{ op: 'gapToTarget' }] }, 'QUERY_MISSING_KEY', 'target'],
  [{ derive: [{ op: 'reaggregate', weight: { indicator: 'population', weight: 2 } }] }, 'QUERY_UNKNOWN_KEY', 'weight'],
  [{ orderby: [{ column: 'value', order: 'down' }] }, 'QUERY_UNKNOWN_KEYWORD', 'down'],
  [{ orderby: ['value; drop'] }, 'QUERY_BAD_COLUMN_NAME', 'value; drop'],
  [{ derive: [{ op: 'rank', as: '__rk' }] }, 'QUERY_BAD_COLUMN_NAME', '__rk'],
  [{ limit: -1 }, 'QUERY_BAD_TYPE', '-1'],
  [{ limit: 1.5 }, 'QUERY_BAD_TYPE', '1.5'],
  [{ select: { indicators: 'poverty_rate' } }, 'QUERY_BAD_TYPE', 'poverty_rate'],
  [null, 'QUERY_BAD_TYPE', 'null'],
];

/**
 * Specs over a budget of `QUERY_LIMITS`, with the code and a text of the refusal. `schema`: the JSON
 * Schema says this budget too (depth, characters and names are `validateQuery`'s alone).
 */
export const overBudgetSpecs: { name: string; spec: unknown; code: string; text: string; schema: boolean }[] = [
  { name: 'limit 2^31', spec: { limit: 2 ** 31 }, code: 'QUERY_OUT_OF_RANGE', text: '2147483648', schema: true },
  { name: 'limit 1e20', spec: { limit: 1e20 }, code: 'QUERY_OUT_OF_RANGE', text: '100000000000000000000', schema: true },
  { name: '17 derive steps', spec: { derive: Array.from({ length: 17 }, () => ({ op: 'change' })) }, code: 'QUERY_TOO_MANY', text: '17', schema: true },
  { name: '4,000 change steps', spec: { derive: Array.from({ length: 4000 }, () => ({ op: 'change' })) }, code: 'QUERY_TOO_MANY', text: '4000', schema: true },
  { name: 'too many indicators', spec: { select: { indicators: Array.from({ length: 20_001 }, (_, i) => `i${i}`) } }, code: 'QUERY_TOO_MANY', text: '20001', schema: true },
  { name: 'too many order keys', spec: { orderby: Array.from({ length: 65 }, () => 'value') }, code: 'QUERY_TOO_MANY', text: '65', schema: true },
  { name: 'year 1e20', spec: { select: { periods: { from: 1e20 } } }, code: 'QUERY_OUT_OF_RANGE', text: 'select.periods.from', schema: true },
  { name: 'period as a huge number', spec: { select: { periods: [1e21] } }, code: 'QUERY_OUT_OF_RANGE', text: 'select.periods[0]', schema: true },
  { name: 'scale 1e300', spec: { derive: [{ op: 'share', scale: 1e300 }] }, code: 'QUERY_OUT_OF_RANGE', text: 'derive[0].scale', schema: true },
  { name: 'target -1e300', spec: { derive: [{ op: 'gapToTarget', target: -1e300 }] }, code: 'QUERY_OUT_OF_RANGE', text: 'derive[0].target', schema: true },
  { name: 'a long id', spec: { select: { indicators: ['x'.repeat(257)] } }, code: 'QUERY_TOO_LONG', text: '257', schema: true },
  { name: 'NUL in an id', spec: { select: { regions: ['01\u0000'] } }, code: 'QUERY_BAD_CHARACTER', text: 'U+0000', schema: false },
  { name: 'half a surrogate pair', spec: { select: { series: ['a\ud800'] } }, code: 'QUERY_BAD_CHARACTER', text: 'U+D800', schema: false },
  { name: 'NUL in a key', spec: { select: { 'x\u0000': 1 } }, code: 'QUERY_BAD_CHARACTER', text: 'U+0000', schema: false },
  { name: 'nested 50,000 deep', spec: { select: { regions: JSON.parse('['.repeat(50_000) + ']'.repeat(50_000)) } }, code: 'QUERY_TOO_DEEP', text: 'select.regions', schema: false },
  { name: 'as: Value', spec: { derive: [{ op: 'change', as: 'Value' }] }, code: 'QUERY_NAME_COLLISION', text: '"Value"', schema: false },
  { name: 'a measure named Region', spec: { derive: [{ op: 'summarize', by: ['indicator'], measures: { Region: { fn: 'count' } } }] }, code: 'QUERY_NAME_COLLISION', text: '"Region"', schema: false },
  { name: 'two outputs differing in case', spec: { derive: [{ op: 'rank', as: 'r' }, { op: 'change', as: 'R' }] }, code: 'QUERY_NAME_COLLISION', text: '"R"', schema: false },
  { name: 'gap and reached named alike', spec: { derive: [{ op: 'gapToTarget', target: 1, as: 'g', reachedAs: 'g' }] }, code: 'QUERY_NAME_COLLISION', text: '"g"', schema: false },
];
