// Small drawing helpers the diagrams share. They run when the site is
// built, inside the components' frontmatter, and return numbers and
// strings for the SVG; nothing here reaches the browser.

/** An arrow's shaft and head, in the SVG's own units. */
export interface ArrowShape {
  /** The shaft, stopping where the head begins. */
  line: { x1: number; y1: number; x2: number; y2: number };
  /** The head's three corners, as a `points` attribute. */
  head: string;
}

/** Draws an arrow from (x1, y1) to (x2, y2), its head at the end. */
export function arrowShape(x1: number, y1: number, x2: number, y2: number, size = 7): ArrowShape {
  const length = Math.hypot(x2 - x1, y2 - y1);
  if (length <= size) {
    throw new RangeError(`an arrow of ${length} is too short for its head`);
  }
  // A unit vector along the arrow, and one across it.
  const ux = (x2 - x1) / length;
  const uy = (y2 - y1) / length;
  const baseX = x2 - ux * size;
  const baseY = y2 - uy * size;
  const half = size * 0.5;
  const corners = [
    [x2, y2],
    [baseX - uy * half, baseY + ux * half],
    [baseX + uy * half, baseY - ux * half],
  ];
  return {
    // The shaft ends inside the head, so a dashed one never pokes out
    // beyond the tip and a solid one meets the head without a gap.
    line: { x1, y1, x2: x2 - ux * size * 0.5, y2: y2 - uy * size * 0.5 },
    head: corners.map((point) => point.map(round).join(',')).join(' '),
  };
}

/**
 * Cuts JSON.stringify(value) into lines of at most `max` characters,
 * breaking only after a comma between the object's own members, so
 * the lines joined together are exactly the bytes a codec sends.
 */
export function jsonLines(value: Record<string, unknown>, max: number) {
  const members = Object.entries(value).map(
    ([key, member]) => `${JSON.stringify(key)}:${JSON.stringify(member)}`,
  );
  const lines: string[] = [];
  let line = '{';
  members.forEach((member, i) => {
    const piece = member + (i === members.length - 1 ? '}' : ',');
    if (line.length > 1 && line.length + piece.length > max) {
      lines.push(line);
      line = '';
    }
    line += piece;
  });
  if (members.length === 0) line += '}';
  lines.push(line);
  return lines;
}

/** Bytes as two hex digits each, separated by spaces. */
export function hexBytes(bytes: Uint8Array) {
  return [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join(' ');
}

/** A number rounded to two decimals, for short SVG attributes. */
export function round(value: number) {
  return Math.round(value * 100) / 100;
}
