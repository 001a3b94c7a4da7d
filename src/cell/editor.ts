// The code editor of an edited cell: CodeMirror 6 with JavaScript and
// TypeScript support, in the site's colours (Starlight's variables, so
// it follows the light and dark themes). This module and everything it
// imports load only when a reader first presses Edit.

import { javascript } from '@codemirror/lang-javascript';
import { HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { lintGutter, setDiagnostics } from '@codemirror/lint';
import { Prec } from '@codemirror/state';
import { keymap } from '@codemirror/view';
import { tags } from '@lezer/highlight';
import { basicSetup, EditorView } from 'codemirror';

/** What a cell asks of its editor. */
export interface Editor {
  text(): string;
  /** Marks a 1-based line and column as the place of an error. */
  markError(line: number, column: number, message: string): void;
  clearErrors(): void;
  focus(): void;
  destroy(): void;
}

/** What the editor's keys do besides editing. */
export interface EditorOptions {
  /** The editor's accessible name. */
  label: string;
  /** What Shift+Enter does: run the cell. */
  run(): void;
}

const colours = HighlightStyle.define([
  {
    tag: [tags.keyword, tags.modifier, tags.operatorKeyword],
    color: 'var(--sl-color-purple-high)',
  },
  {
    tag: [tags.string, tags.special(tags.string), tags.regexp],
    color: 'var(--sl-color-green-high)',
  },
  { tag: [tags.number, tags.bool, tags.null, tags.atom], color: 'var(--sl-color-orange-high)' },
  { tag: [tags.comment, tags.docComment], color: 'var(--sl-color-gray-2)', fontStyle: 'italic' },
  { tag: [tags.typeName, tags.className, tags.namespace], color: 'var(--sl-color-blue-high)' },
  {
    tag: [tags.function(tags.variableName), tags.function(tags.propertyName)],
    color: 'var(--sl-color-accent-high)',
  },
  { tag: tags.invalid, color: 'var(--sl-color-red-high)' },
]);

const theme = EditorView.theme({
  '&': {
    color: 'var(--sl-color-white)',
    backgroundColor: 'var(--sl-color-gray-6)',
    border: '1px solid var(--sl-color-gray-5)',
    fontSize: 'var(--sl-text-code)',
  },
  '&.cm-focused': {
    outline: '2px solid var(--sl-color-accent-high)',
    outlineOffset: '2px',
  },
  '.cm-content, .cm-gutters': { fontFamily: 'var(--__sl-font-mono)' },
  '.cm-content': { caretColor: 'var(--sl-color-white)' },
  '.cm-cursor': { borderLeftColor: 'var(--sl-color-white)' },
  '.cm-gutters': {
    color: 'var(--sl-color-gray-2)',
    backgroundColor: 'var(--sl-color-gray-6)',
    borderRight: '1px solid var(--sl-color-gray-5)',
  },
  '.cm-activeLine, .cm-activeLineGutter': { backgroundColor: 'var(--sl-color-gray-5)' },
  '&.cm-focused .cm-selectionBackground, .cm-selectionBackground, ::selection': {
    backgroundColor: 'var(--sl-color-accent-low)',
  },
  '.cm-tooltip': {
    color: 'var(--sl-color-white)',
    backgroundColor: 'var(--sl-color-gray-6)',
    border: '1px solid var(--sl-color-gray-4)',
  },
});

/** Opens an editor on `doc` inside `parent`. */
export function createEditor(parent: HTMLElement, doc: string, options: EditorOptions): Editor {
  const view = new EditorView({
    parent,
    doc,
    extensions: [
      // Before basicSetup's keys, so Shift+Enter runs instead of
      // breaking the line. Escape is left to the cell (it stops a
      // run) unless the editor has a popup of its own to close.
      Prec.highest(
        keymap.of([
          {
            key: 'Shift-Enter',
            run: () => {
              options.run();
              return true;
            },
          },
        ]),
      ),
      basicSetup,
      javascript({ typescript: true }),
      syntaxHighlighting(colours),
      lintGutter(),
      // Long lines wrap, as they do in the shown code, so the editor
      // never scrolls sideways on a phone.
      EditorView.lineWrapping,
      theme,
      EditorView.contentAttributes.of({
        'aria-label': options.label,
        'aria-keyshortcuts': 'Shift+Enter Escape',
      }),
    ],
  });
  return {
    text: () => view.state.doc.toString(),
    markError(line, column, message) {
      const { doc: text } = view.state;
      const at = text.line(Math.min(Math.max(line, 1), text.lines));
      const from = Math.min(at.from + column - 1, at.to);
      const to = from < at.to ? from + 1 : from;
      view.dispatch(setDiagnostics(view.state, [{ from, to, severity: 'error', message }]));
    },
    clearErrors: () => view.dispatch(setDiagnostics(view.state, [])),
    focus() {
      view.focus();
      // Bring the cursor into sight, clear of Starlight's fixed header.
      view.dispatch({
        effects: EditorView.scrollIntoView(view.state.selection.main.head, {
          y: 'nearest',
          yMargin: 96,
        }),
      });
    },
    destroy: () => view.destroy(),
  };
}
