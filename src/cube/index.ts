/** Public exports of the cube layer: pre-aggregated answers to linked-view selections. */
export { CubeDim, isCubeDim, isDictionaryColumn } from './spec.js';
export type {
  CubeClause,
  ValuesClause,
  RangeClause,
  CubeColumn,
  CubeInput,
  CubeOptions,
  DictionaryColumn,
  DimValue,
  NormalizedCubeOptions,
} from './spec.js';
export { createCube } from './cube.js';
export type { Cube, CubeStats, CubeLevelInfo, AnswerOptions } from './cube.js';
export { CubeClient } from './client.js';
export type { CubeClientOptions } from './client.js';
export { cubeQuerySpec, clausesToSelect } from './query-spec.js';
export { validateCubeOptions, validateClauses } from './validate.js';
