// show('frames', records): WebSocket frames as the frame inspector
// describes them (examples/websocket/frame-record.ts), one table row
// each: the bytes, coloured field by field, then what they say.

import type { FrameRecord } from '../../../examples/websocket/frame-record.ts';
import { format } from '../../i18n/format.ts';
import type { CellStrings } from '../cell-strings.ts';

/** Each field of a frame's bytes: its name in CellStrings, its colour. */
const FIELDS = [
  ['head', 'view.head', 'var(--sl-color-blue-high)'],
  ['length', 'view.extendedLength', 'var(--sl-color-purple-high)'],
  ['mask', 'view.maskingKey', 'var(--sl-color-orange-high)'],
  ['payload', 'view.payload', 'inherit'],
] as const;

const COLUMNS = ['view.frame', 'view.bytes', 'view.fields'] as const;

/** Draws frame records as a table, bytes grouped by field. */
export function render(value: unknown, into: HTMLElement, strings: CellStrings) {
  if (!Array.isArray(value)) throw new Error('frames needs an array of frame records');
  const table = document.createElement('table');
  table.className = 'wb-frames';
  const head = table.createTHead().insertRow();
  for (const column of COLUMNS) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = strings[column];
    head.append(th);
  }
  const body = table.createTBody();
  for (const record of value as FrameRecord[]) {
    const row = body.insertRow();
    const label = document.createElement('th');
    label.scope = 'row';
    label.textContent = record.label;
    row.append(label);
    row.insertCell().append(bytesOf(record, strings));
    row.insertCell().textContent = [
      `FIN ${record.fin ? 1 : 0}`,
      `RSV ${record.rsv.toString(2).padStart(3, '0')}`,
      `opcode ${record.opcode}`,
      `MASK ${record.masked ? 1 : 0}`,
      `length ${record.length}`,
      ...(record.says ? [record.says] : []),
    ].join(' · ');
  }
  into.append(table);
}

/** The frame's bytes, each field in its own colour and named for readers. */
function bytesOf(record: FrameRecord, strings: CellStrings) {
  const code = document.createElement('code');
  code.style.whiteSpace = 'normal';
  for (const [field, key, colour] of FIELDS) {
    const text = record.bytes[field];
    if (!text) continue;
    const name = strings[key];
    const label = document.createElement('span');
    label.className = 'sr-only';
    label.textContent = `${name}: `;
    const part = document.createElement('span');
    part.dataset['field'] = field;
    part.title = name;
    part.style.color = colour;
    part.textContent = text;
    code.append(label, part, ' ');
  }
  if (record.bytes.more > 0) {
    code.append(format(strings['view.more'], { count: record.bytes.more }));
  }
  return code;
}
