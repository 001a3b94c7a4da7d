// show('line', { title, x, y, series: [{ name, points: [[x, y]] }] })
// draws series over a shared x axis, each in its own colour and dash,
// with a legend, so they differ by more than colour alone.

import { format } from '../../i18n/format.ts';
import type { CellStrings } from '../cell-strings.ts';
import { DASHES, formatNumber, PALETTE, svg, ticks } from './svg.ts';

interface Series {
  name: string;
  points: [number, number][];
}

interface Line {
  title?: string;
  x?: string;
  y?: string;
  series?: Series[];
}

const WIDTH = 560;
const HEIGHT = 240;
const LEFT = 56;
const RIGHT = 24;
const TOP = 12;
const BOTTOM = 40;
const PLOT_WIDTH = WIDTH - LEFT - RIGHT;
const PLOT_HEIGHT = HEIGHT - TOP - BOTTOM;

/** Draws line series as SVG, with axes, ticks and a legend. */
export function render(value: unknown, into: HTMLElement, strings: CellStrings) {
  const { title, x = '', y = '', series } = value as Line;
  if (!Array.isArray(series)) {
    throw new Error('a line needs { series: [...] }');
  }
  const all = series.flatMap((s) => s.points);
  const xTicks = ticks(Math.max(...all.map((p) => p[0]), 0));
  const yTicks = ticks(Math.max(...all.map((p) => p[1]), 0));
  const xMax = xTicks.at(-1)!;
  const yMax = yTicks.at(-1)!;
  const px = (v: number) => LEFT + (v / xMax) * PLOT_WIDTH;
  const py = (v: number) => TOP + PLOT_HEIGHT - (v / yMax) * PLOT_HEIGHT;

  const root = svg('svg', {
    viewBox: `0 0 ${WIDTH} ${HEIGHT}`,
    role: 'img',
    'aria-label': format(strings['view.over'], {
      title: title ?? strings['view.chart'],
      y,
      x,
      series: series.map((s) => describe(s, strings)).join(strings['view.seriesSeparator']),
    }),
  });
  for (const tick of yTicks) {
    const at = py(tick);
    root.append(
      svg('line', {
        x1: LEFT,
        x2: WIDTH - RIGHT,
        y1: at,
        y2: at,
        class: 'wb-chart-grid',
      }),
      svg('text', { x: LEFT - 6, y: at + 4, 'text-anchor': 'end' }, formatNumber(tick)),
    );
  }
  for (const tick of xTicks) {
    root.append(
      svg(
        'text',
        {
          x: px(tick),
          y: TOP + PLOT_HEIGHT + 16,
          'text-anchor': 'middle',
        },
        formatNumber(tick),
      ),
    );
  }
  const middle = TOP + PLOT_HEIGHT / 2;
  root.append(
    svg(
      'text',
      {
        x: LEFT + PLOT_WIDTH / 2,
        y: HEIGHT - 6,
        'text-anchor': 'middle',
      },
      x,
    ),
    svg(
      'text',
      {
        x: 12,
        y: middle,
        'text-anchor': 'middle',
        transform: `rotate(-90 12 ${middle})`,
      },
      y,
    ),
  );
  series.forEach((s, i) => {
    const points = s.points.map(([a, b]) => `${px(a).toFixed(1)},${py(b).toFixed(1)}`);
    root.append(
      svg('polyline', {
        points: points.join(' '),
        fill: 'none',
        'stroke-width': 2,
        'stroke-dasharray': DASHES[i % DASHES.length]!,
        style: `stroke: ${PALETTE[i % PALETTE.length]}`,
      }),
    );
  });

  const figure = document.createElement('figure');
  figure.className = 'wb-chart';
  if (title) {
    const caption = document.createElement('figcaption');
    caption.textContent = title;
    figure.append(caption);
  }
  figure.append(root, legend(series));
  into.append(figure);
}

/** A series in words for screen readers: start, end and highest. */
function describe(s: Series, strings: CellStrings) {
  const values = s.points.map((p) => p[1]);
  if (values.length === 0) return format(strings['view.noData'], { name: s.name });
  const [first, last] = [values[0]!, values.at(-1)!];
  return format(strings['view.series'], {
    name: s.name,
    first: formatNumber(first),
    last: formatNumber(last),
    highest: formatNumber(Math.max(...values)),
  });
}

/** The series' names beside their colour and dash. */
function legend(series: Series[]) {
  const list = document.createElement('ul');
  list.className = 'wb-chart-legend';
  series.forEach((s, i) => {
    const item = document.createElement('li');
    const swatch = svg('svg', {
      width: 28,
      height: 10,
      'aria-hidden': 'true',
    });
    swatch.append(
      svg('line', {
        x1: 0,
        x2: 28,
        y1: 5,
        y2: 5,
        'stroke-width': 3,
        'stroke-dasharray': DASHES[i % DASHES.length]!,
        style: `stroke: ${PALETTE[i % PALETTE.length]}`,
      }),
    );
    item.append(swatch, document.createTextNode(` ${s.name}`));
    list.append(item);
  });
  return list;
}
