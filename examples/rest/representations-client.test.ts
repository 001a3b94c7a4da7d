import { afterAll, beforeAll, expect, test } from 'vitest';
import type { RunningServer } from '../../tests/support/playground.ts';
import { runInNode, startTestServer } from '../../tests/support/playground.ts';
import { run } from './representations-client.ts';

let server: RunningServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

test('one note in four media types, chosen by Accept; then a 406 and a 415', async () => {
  const result = await runInNode(run, server.url);
  const json = '{"id":"milk","title":"Milk & eggs","body":"Two litres; <six> eggs."}';
  const xml =
    '<?xml version="1.0" encoding="UTF-8"?>\n<note id="milk"><title>Milk &amp; eggs</title>' +
    '<body>Two litres; &lt;six&gt; eggs.</body></note>\n';
  expect(result.text).toEqual([
    'sent PUT /api/notes/milk\nContent-Type: application/json\n\n' +
      '{"title":"Milk & eggs","body":"Two litres; <six> eggs."}',
    `received 201 Created\n\n${json}`,
    'sent GET /api/notes/milk\nAccept: application/json',
    `received 200 OK\nContent-Type: application/json\n\n${json}`,
    'sent GET /api/notes/milk\nAccept: text/html',
    'received 200 OK\nContent-Type: text/html; charset=utf-8\n\n<!doctype html>\n<html lang="en">\n' +
      '<meta charset="utf-8">\n<title>Milk &amp; eggs</title>\n<h1>Milk &amp; eggs</h1>\n' +
      '<p>Two litres; &lt;six&gt; eggs.</p>\n</html>\n',
    'sent GET /api/notes/milk\nAccept: application/xml',
    `received 200 OK\nContent-Type: application/xml; charset=utf-8\n\n${xml}`,
    'sent GET /api/notes/milk\nAccept: text/plain',
    'received 200 OK\nContent-Type: text/plain; charset=utf-8\n\nMilk & eggs\n\nTwo litres; <six> eggs.\n',
    'sent GET /api/notes/milk\nAccept: text/html;q=0.5, application/xml',
    `received 200 OK\nContent-Type: application/xml; charset=utf-8\n\n${xml}`,
    'sent GET /api/notes/milk\nAccept: image/png',
    'received 406 Not Acceptable\n\n{"type":"/rest/errors/#not-acceptable","title":"No acceptable format",' +
      '"status":406,"detail":"Accept: image/png allows none of the representations this API makes. ' +
      'Ask for one of application/json, text/html, application/xml, text/plain.",' +
      '"offered":["application/json","text/html","application/xml","text/plain"]}',
    'sent PUT /api/notes/milk\nContent-Type: text/plain\n\nMilk & eggs',
    'received 415 Unsupported Media Type\nAccept: application/json\n\n{"type":"/rest/errors/#unsupported-media-type",' +
      '"title":"Unsupported media type","status":415,"detail":"This request needs a body of type ' +
      'application/json, and it sent \\"text/plain\\". Set Content-Type: application/json.",' +
      '"expected":"application/json"}',
  ]);
  expect(result.ok).toBe(true);
});
