// show('table', rows): an array of objects as a table, one column per
// key (in order of first appearance), one row per object.

/** Draws an array of records as an accessible table. */
export function render(value: unknown, into: HTMLElement) {
  if (!Array.isArray(value)) throw new Error('a table needs an array of rows');
  const rows = value as Record<string, unknown>[];
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  const table = document.createElement('table');
  const head = table.createTHead().insertRow();
  for (const column of columns) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = column;
    head.append(th);
  }
  const body = table.createTBody();
  for (const row of rows) {
    const tr = body.insertRow();
    for (const column of columns) {
      const cell = row[column];
      tr.insertCell().textContent =
        cell === undefined ? '' : typeof cell === 'string' ? cell : JSON.stringify(cell);
    }
  }
  into.append(table);
}
