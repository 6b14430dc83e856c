/**
 * Scale arithmetic a recipe needs before Vega draws (label positions, class limits, domain ends),
 * done by the d3 functions Vega itself runs, so chiso's numbers are the ones in the picture.
 */
import { range } from 'd3-array';
import { scaleLinear, scaleQuantile, scaleQuantize, type ScaleLinear } from 'd3-scale';

/** The linear map from a domain to pixels that Vega draws with (`invert` goes back). */
export function pixelScale(domain: readonly [number, number], pixels: readonly [number, number]): ScaleLinear<number, number> {
  return scaleLinear().domain(domain).range(pixels);
}

/**
 * The domain widened to round ends as Vega's `nice` does for an axis of `count` ticks: both ends fall
 * on a tick, so the top of the axis is labelled.
 */
export function niceDomain(lo: number, hi: number, count: number): [number, number] {
  const [a, b] = scaleLinear().domain([lo, hi]).nice(count).domain();
  return [a, b];
}

/** The ticks Vega's axis draws for a domain and a tick count. */
export function ticks(lo: number, hi: number, count: number): number[] {
  return scaleLinear().domain([lo, hi]).ticks(count);
}

/** Class limits that put about as many figures in each class (Vega's `quantile` scale), ties merged. */
export function quantileLimits(values: readonly number[], classes: number): number[] {
  if (!values.length || classes < 2) return [];
  const limits = scaleQuantile<number>().domain(values).range(range(classes)).quantiles();
  return limits.filter((v, i) => i === 0 || v > limits[i - 1]);
}

/** Class limits that cut the range of the figures into equal steps (Vega's `quantize` scale). */
export function quantizeLimits(values: readonly number[], classes: number): number[] {
  if (!values.length || classes < 2) return [];
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (hi === lo) return [];
  return scaleQuantize<number>().domain([lo, hi]).range(range(classes)).thresholds();
}
