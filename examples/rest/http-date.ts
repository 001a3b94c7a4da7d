// HTTP dates (RFC 9110, 5.6.7): the form every sender writes,
// IMF-fixdate, "Sun, 06 Nov 1994 08:49:37 GMT", and the two obsolete
// forms a recipient must still read, RFC 850's "Sunday, 06-Nov-94
// 08:49:37 GMT" and asctime's "Sun Nov  6 08:49:37 1994". All are GMT
// and whole seconds. Date.parse is not used: it reads many other
// forms, and asctime's in local time.

const MONTHS = 'Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec';
const MONTH = MONTHS.replaceAll(' ', '|');
const DAY = 'Mon|Tue|Wed|Thu|Fri|Sat|Sun';
const TIME = String.raw`(\d{2}):(\d{2}):(\d{2})`;
const IMF_FIXDATE = new RegExp(
  String.raw`^(?:${DAY}), (\d{2}) (${MONTH}) (\d{4}) ${TIME} GMT$`,
);
const RFC_850 = new RegExp(
  String.raw`^(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day, (\d{2})-(${MONTH})-(\d{2}) ${TIME} GMT$`,
);
const ASCTIME = new RegExp(
  String.raw`^(?:${DAY}) (${MONTH}) ([ \d]\d) ${TIME} (\d{4})$`,
);

// #region date
/** An HTTP date as it is written: IMF-fixdate, always GMT. */
export function formatHttpDate(ms: number): string {
  return new Date(ms).toUTCString();
}

/** An HTTP date in milliseconds, or undefined if it is not one. */
export function parseHttpDate(value: string, now = Date.now()) {
  let parts: string[] | undefined;
  const imf = IMF_FIXDATE.exec(value);
  const rfc850 = RFC_850.exec(value);
  const asctime = ASCTIME.exec(value);
  if (imf) parts = imf.slice(1);
  if (rfc850)
    parts = [
      ...rfc850.slice(1, 3),
      century(rfc850[3]!, now),
      ...rfc850.slice(4),
    ];
  if (asctime)
    parts = [asctime[2]!, asctime[1]!, asctime[6]!, ...asctime.slice(3, 6)];
  if (!parts) return undefined;
  const [day, month, year, hour, minute, second] = parts;
  const fields = [
    Number(year),
    MONTHS.split(' ').indexOf(month!),
    Number(day),
    Number(hour),
    Number(minute),
    Number(second),
  ] as const;
  const date = new Date(Date.UTC(...fields));
  // 31 Feb or 25:00 rolls over into another date: then it was none.
  const read = [
    date.getUTCFullYear(),
    date.getUTCMonth(),
    date.getUTCDate(),
    date.getUTCHours(),
    date.getUTCMinutes(),
    date.getUTCSeconds(),
  ];
  return read.every((n, i) => n === fields[i]) ? date.getTime() : undefined;
}
// #endregion date

/**
 * A two-digit year's century: one more than 50 years ahead is read as
 * the most recent past year with those digits (RFC 9110, 5.6.7).
 */
function century(yy: string, now: number) {
  const thisYear = new Date(now).getUTCFullYear();
  let year = Math.floor(thisYear / 100) * 100 + Number(yy);
  if (year > thisYear + 50) year -= 100;
  return String(year);
}
