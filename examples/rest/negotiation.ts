// Content negotiation: one resource, several representations. The
// client lists the media types it can use in `Accept`, each with an
// optional weight `q` from 0 to 1; the server sends the one it can
// make that the client likes best (RFC 9110, section 12.5.1).
//
// The `negotiator` package does this well, and a production server
// could use it. It is written out here because it is the lesson: one
// screen of code says exactly what the header means. It is pure: a
// string in, a choice out, no request or response in sight.

// #region parse
/** One member of an Accept header, e.g. `text/*;q=0.5`. */
export interface MediaRange {
  type: string;
  subtype: string;
  q: number;
}

const TOKEN = /^[!#$%&'*+.^_`|~0-9a-z-]+$/;
const trim = (s: string) => s.trim();
const QVALUE = /^(?:0(?:\.\d{0,3})?|1(?:\.0{0,3})?)$/;

/** The members of an Accept value, except any that do not parse. */
export function parseAccept(value: string): MediaRange[] {
  const ranges: MediaRange[] = [];
  for (const member of value.split(',')) {
    const [range = '', ...params] = member.split(';');
    const [type = '', subtype = '', extra] = range
      .trim()
      .toLowerCase()
      .split('/');
    const parsed = TOKEN.test(type) && TOKEN.test(subtype);
    if (!parsed || extra !== undefined) continue;
    if (type === '*' && subtype !== '*') continue;
    let q = 1;
    let valid = true;
    for (const param of params) {
      const [name = '', raw = ''] = param.split('=').map(trim);
      // Other parameters (charset, level…) do not change which of
      // our types is chosen: every representation here is UTF-8.
      if (name.toLowerCase() !== 'q') continue;
      if (!QVALUE.test(raw)) valid = false;
      q = Number(raw);
    }
    if (valid) ranges.push({ type, subtype, q });
  }
  return ranges;
}
// #endregion parse

// #region negotiate
/**
 * The offered media type the client prefers, or null when it accepts
 * none of them. `offered` is in the server's order of preference.
 */
export function negotiate(
  accept: string | undefined,
  offered: readonly string[],
): string | null {
  // No Accept (or an empty one) means anything will do.
  if (accept === undefined || accept.trim() === '') {
    return offered[0] ?? null;
  }
  const ranges = parseAccept(accept);
  let best: string | null = null;
  let bestQ = 0;
  for (const type of offered) {
    const q = qualityOf(type, ranges);
    // A strictly higher weight wins; on a tie the server's order
    // decides, so the first offer keeps its place.
    if (q > bestQ) {
      best = type;
      bestQ = q;
    }
  }
  return best;
}
// #endregion negotiate

// #region quality
/**
 * How much the client wants `mediaType`: the weight of the most
 * specific range that matches it: `text/html` outranks `text/*`,
 * which outranks the range of every type. So `text/*;q=0.2,
 * text/html` ranks HTML at 1 and plain text at 0.2. A weight of 0
 * means "not this one", and so does no matching range at all.
 */
export function qualityOf(mediaType: string, ranges: MediaRange[]) {
  const [type, subtype] = mediaType.toLowerCase().split('/');
  let specificity = -1;
  let q = 0;
  for (const range of ranges) {
    const matches =
      (range.type === '*' || range.type === type) &&
      (range.subtype === '*' || range.subtype === subtype);
    if (!matches) continue;
    const rank = (range.type === '*' ? 0 : 1) + (range.subtype === '*' ? 0 : 1);
    if (rank > specificity) {
      specificity = rank;
      q = range.q;
    }
  }
  return q;
}
// #endregion quality
