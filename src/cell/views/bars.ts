// show('bars', { title, groups: [{ label, bars: [{ label, value }] }] })
// draws one small horizontal bar chart per group, each on its own
// scale, since requests, bytes and milliseconds share none.

import { formatNumber, PALETTE, svg } from './svg.ts';

interface Bar {
  label: string;
  value: number;
}

interface Group {
  label: string;
  bars: Bar[];
}

const WIDTH = 560;
const LABEL = 160;
const ROW = 22;

/** Draws grouped bars as SVG, one chart per group. */
export function render(value: unknown, into: HTMLElement) {
  const { title, groups } = value as { title?: string; groups?: Group[] };
  if (!Array.isArray(groups)) {
    throw new Error('bars need { groups: [...] }');
  }
  const figure = document.createElement('figure');
  figure.className = 'wb-chart';
  if (title) {
    const caption = document.createElement('figcaption');
    caption.textContent = title;
    figure.append(caption);
  }
  for (const group of groups) figure.append(chart(group));
  into.append(figure);
}

/** One group's bars, longest at full width, its values beside them. */
function chart(group: Group) {
  const max = Math.max(...group.bars.map((b) => b.value), 0) || 1;
  const height = group.bars.length * ROW + 26;
  const spoken = group.bars.map((b) => `${b.label} ${formatNumber(b.value)}`).join(', ');
  const root = svg('svg', {
    viewBox: `0 0 ${WIDTH} ${height}`,
    role: 'img',
    'aria-label': `${group.label}: ${spoken}`,
  });
  root.append(svg('text', { x: 0, y: 14, class: 'wb-chart-heading' }, group.label));
  // Room for the longest bar, leaving space for its value.
  const room = WIDTH - LABEL - 70;
  group.bars.forEach((bar, i) => {
    const y = 22 + i * ROW;
    const width = Math.max(1, (bar.value / max) * room);
    root.append(
      svg('text', { x: LABEL - 8, y: y + 14, 'text-anchor': 'end' }, bar.label),
      svg('rect', {
        x: LABEL,
        y: y + 3,
        width,
        height: ROW - 8,
        rx: 2,
        style: `fill: ${PALETTE[i % PALETTE.length]}`,
      }),
      svg('text', { x: LABEL + width + 6, y: y + 14 }, formatNumber(bar.value)),
    );
  });
  return root;
}
