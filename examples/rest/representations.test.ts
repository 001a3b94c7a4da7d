import { expect, test } from 'vitest';
import { Problem } from './problem.ts';
import { chooseType, renderNote, renderNotes } from './representations.ts';

const note = { id: 'x1', title: 'Fish & <chips>', body: 'Say "hi"\nto \'Bob\'' };

test('one note, four representations, with markup escaped', () => {
  expect(JSON.parse(renderNote(note, 'application/json'))).toEqual(note);
  expect(renderNote(note, 'text/html')).toBe(
    '<!doctype html>\n<html lang="en">\n<meta charset="utf-8">\n' +
      '<title>Fish &amp; &lt;chips&gt;</title>\n' +
      '<h1>Fish &amp; &lt;chips&gt;</h1>\n' +
      '<p>Say &quot;hi&quot;\nto &#39;Bob&#39;</p>\n</html>\n',
  );
  expect(renderNote(note, 'application/xml')).toBe(
    '<?xml version="1.0" encoding="UTF-8"?>\n<note id="x1">' +
      '<title>Fish &amp; &lt;chips&gt;</title>' +
      '<body>Say &quot;hi&quot;\nto &#39;Bob&#39;</body></note>\n',
  );
  expect(renderNote(note, 'text/plain')).toBe(`${note.title}\n\n${note.body}\n`);
});

test('the collection links to each note, relatively', () => {
  const notes = [note, { id: 'b', title: 'B', body: '' }];
  expect(JSON.parse(renderNotes(notes, 'application/json'))).toEqual({
    notes: [
      { id: 'x1', title: 'Fish & <chips>', href: 'notes/x1' },
      { id: 'b', title: 'B', href: 'notes/b' },
    ],
  });
  expect(renderNotes(notes, 'text/html')).toBe(
    '<!doctype html>\n<html lang="en">\n<meta charset="utf-8">\n' +
      '<title>Notes</title>\n<h1>Notes</h1>\n' +
      '<ul><li><a href="notes/x1">Fish &amp; &lt;chips&gt;</a></li><li><a href="notes/b">B</a></li></ul>\n' +
      '</html>\n',
  );
  expect(renderNotes(notes, 'application/xml')).toBe(
    '<?xml version="1.0" encoding="UTF-8"?>\n<notes>' +
      '<note id="x1" href="notes/x1"><title>Fish &amp; &lt;chips&gt;</title></note>' +
      '<note id="b" href="notes/b"><title>B</title></note></notes>\n',
  );
  expect(renderNotes(notes, 'text/plain')).toBe('notes/x1\tFish & <chips>\nnotes/b\tB\n');
  expect(renderNotes([], 'application/json')).toBe('{"notes":[]}');
});

test('chooseType refuses with 406 and the list of what is offered', () => {
  expect(chooseType('text/*')).toBe('text/html');
  try {
    chooseType('image/png, image/jpeg');
    expect.unreachable();
  } catch (error) {
    expect(error).toBeInstanceOf(Problem);
    expect((error as Problem).document()).toEqual({
      type: '/rest/errors/#not-acceptable',
      title: 'No acceptable format',
      status: 406,
      detail:
        'Accept: image/png, image/jpeg allows none of the representations ' +
        'this API makes. Ask for one of application/json, text/html, ' +
        'application/xml, text/plain.',
      offered: ['application/json', 'text/html', 'application/xml', 'text/plain'],
    });
  }
});
