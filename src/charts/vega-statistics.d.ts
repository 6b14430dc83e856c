// vega-statistics ships no types; chiso uses this much of it.
declare module 'vega-statistics' {
  /** Least squares `y = coef[0] + coef[1] * x`, as Vega's `regression` transform fits it. */
  export function regressionLinear<T>(data: readonly T[], x: (d: T) => number, y: (d: T) => number): {
    coef: [number, number];
    predict: (x: number) => number;
    rSquared: number;
  };
}
