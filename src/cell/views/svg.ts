// Small helpers shared by the chart views: SVG elements, nice axis
// ticks, and numbers as a reader reads them. No chart library: a few
// rectangles, lines and labels are all these charts need.

const SVG = 'http://www.w3.org/2000/svg';

/** An SVG element with attributes. */
export function svg<K extends keyof SVGElementTagNameMap>(
  name: K,
  attributes: Record<string, string | number> = {},
  text?: string,
): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) {
    element.setAttribute(key, String(value));
  }
  if (text !== undefined) element.textContent = text;
  return element;
}

/** Ticks from 0 to at least `max` at a round step: 1, 2 or 5 × 10^n. */
export function ticks(max: number, count = 4): number[] {
  if (!(max > 0)) return [0, 1];
  const rough = max / count;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough)!;
  const top = Math.ceil(max / step) * step;
  return Array.from({ length: Math.round(top / step) + 1 }, (_, i) => i * step);
}

/** A number with thousands separators, e.g. 12,345. */
export function formatNumber(value: number): string {
  return value.toLocaleString('en-US', { maximumFractionDigits: 1 });
}

/** Series colours: Starlight's high-contrast hues, for both themes. */
export const PALETTE = [
  'var(--sl-color-blue-high)',
  'var(--sl-color-orange-high)',
  'var(--sl-color-green-high)',
  'var(--sl-color-purple-high)',
];

/** Dash patterns, so series differ by more than colour. */
export const DASHES = ['', '8 4', '2 3', '10 3 2 3'];
