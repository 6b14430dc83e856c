/**
 * Checks a chiso configuration against its JSON schema and what the schema cannot say (config-check.ts),
 * with Ajv imported here for browsers and library users; the CLI calls config-check.ts with Ajv
 * loaded only when needed.
 */
import { Ajv } from 'ajv';
import type { ChisoConfig } from './config-types.js';
import { CONFIG_AJV_OPTIONS, validateConfigWith, type ValidateConfigOptions } from './config-check.js';

export { jsonPath, CONFIG_AJV_OPTIONS, type ValidateConfigOptions } from './config-check.js';
export type { ChisoConfig, ChartConfig, DataSourceConfig, DataFormat, ChartTypeName, ChartOptionsConfig, VegaLiteFragment } from './config-types.js';

/** Returns the configuration typed, or throws a ChisoError listing every problem found, all at once. */
export function validateConfig(value: unknown, options: ValidateConfigOptions): ChisoConfig {
  return validateConfigWith(value, options, () => new Ajv(CONFIG_AJV_OPTIONS));
}
