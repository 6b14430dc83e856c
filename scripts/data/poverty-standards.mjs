// The poverty standard of each column of GSO's poverty export (data/gso/raw/poverty_rate_by_province.csv).
// The export states none. A column carries the standard in force for its year where nothing
// contradicts it, and `unknown` where GSO's own figures do (data/README.md, "Poverty standards"):
// - 2010: GSO's 2010 figures sit close to the 2010 figures re-computed under the 2011-2015 standard
//   (Quảng Ngãi 22.8% against the yearbook's 23.92%), and the national rate rises from 13.4% (2008)
//   to 14.2% (2010), so the column may use either standard; no GSO note found says which.
// - Pre. 2016: the national 5.8% is not GSO's multidimensional 9.9% for 2016, and Quảng Ngãi's 9.2%
//   continues the income-based series rather than the yearbook's multidimensional 13.06%.

/** Header cell -> catalogue series id of `poverty_rate` (src/registry/indicators.ts). */
export const GSO_POVERTY_STANDARDS = {
  2006: '2006-2010',
  2008: '2006-2010',
  2010: 'unknown',
  2012: '2011-2015',
  2013: '2011-2015',
  2014: '2011-2015',
  2015: '2011-2015',
  'Pre. 2016': 'unknown',
};

/** The standard of a figure read from the export, by the column its `source` names; throws for a column not listed. */
export function gsoPovertyStandard(source) {
  const column = decodeURIComponent(/[#&]column=([^&]+)/.exec(source)?.[1] ?? '');
  const standard = GSO_POVERTY_STANDARDS[column];
  if (!standard) throw new Error(`${source}: no poverty standard recorded for column ${JSON.stringify(column)}`);
  return standard;
}
