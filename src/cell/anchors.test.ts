import { expect, test } from 'vitest';
import { cellAnchor } from './anchors.ts';

test('the same demo twice on a page gets two anchors; another page starts over', () => {
  const page = {};
  expect(cellAnchor(page, 'websocket/echo-client')).toBe('cell-websocket-echo-client');
  expect(cellAnchor(page, 'rpc/http_client')).toBe('cell-rpc-http-client');
  expect(cellAnchor(page, 'websocket/echo-client')).toBe('cell-websocket-echo-client-2');
  expect(cellAnchor({}, 'websocket/echo-client')).toBe('cell-websocket-echo-client');
});
