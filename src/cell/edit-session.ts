// A cell in edit mode: the editor on the region the cell shows, and a
// runner for what the reader wrote. Loaded when Edit is first pressed;
// the type stripper and module linker load on the first edited Run.

import { format } from '../i18n/format.ts';
import type { CellStrings } from './cell-strings.ts';
import { type EditableSource, editableSource, editorPosition, withEdits } from './edited-source.ts';
import { createEditor, type Editor } from './editor.ts';
import { exampleSource } from './example-sources.ts';
import type { Runner } from './runner.ts';
import { workerRunner } from './worker-runner.ts';

/** What a cell tells its edit session. */
export interface EditOptions {
  /** Where the editor goes. */
  parent: HTMLElement;
  /** The demo's file under examples/, e.g. "websocket/echo-client.ts". */
  file: string;
  /** The region the cell shows. */
  region: string | undefined;
  /** The editor's accessible name. */
  label: string;
  /** Runs the cell (Shift+Enter in the editor). */
  run(): void;
  /** The words its errors and its runner's are told in. */
  strings: CellStrings;
}

/** Code a reader wrote that cannot run, placed in the editor. */
export class EditedCodeError extends Error {
  override name = 'EditedCodeError';
}

/** Opens the editor on the cell's region of its tested file. */
export async function openEditSession(options: EditOptions): Promise<EditSession> {
  const source = await exampleSource(options.file);
  if (source === undefined) throw new Error(`examples/${options.file} is not available`);
  const editable = editableSource(options.file, source, options.region);
  const editor = createEditor(options.parent, editable.original, options);
  return new EditSession(editable, editor, options.strings);
}

/** The editor and how to run what it holds. */
export class EditSession {
  readonly editor: Editor;
  readonly #source: EditableSource;
  readonly #strings: CellStrings;
  /** Releases the module URLs of the last run prepared, if it never ran. */
  #release = () => {};

  constructor(source: EditableSource, editor: Editor, strings: CellStrings) {
    this.#source = source;
    this.editor = editor;
    this.#strings = strings;
  }

  /**
   * A runner for the editor's code, type-stripped and linked. Code that
   * cannot run is marked in the editor and thrown as EditedCodeError.
   * `dropped` counts lines the worker had to drop.
   */
  async runner(dropped: (count: number) => void): Promise<Runner> {
    const { CodeError, linkModules } = await import('./link-modules.ts');
    const edited = this.editor.text();
    const { file } = this.#source;
    const urls: string[] = [];
    const release = () => {
      for (const url of urls.splice(0)) URL.revokeObjectURL(url);
    };
    this.#release();
    this.#release = release;
    try {
      const linked = await linkModules(file, withEdits(this.#source, edited), {
        strings: this.#strings,
        load: exampleSource,
        publish(code) {
          const url = URL.createObjectURL(new Blob([code], { type: 'text/javascript' }));
          urls.push(url);
          return url;
        },
      });
      this.editor.clearErrors();
      return workerRunner({
        url: linked.url,
        lineOffset: this.#source.before.length,
        release,
        dropped,
        strings: this.#strings,
      });
    } catch (error) {
      release();
      if (!(error instanceof CodeError)) throw error;
      if (error.file !== file) {
        throw new EditedCodeError(
          format(this.#strings.editedCannotRunIn, {
            message: error.message,
            file: error.file,
            line: error.line,
          }),
        );
      }
      const at = editorPosition(this.#source, edited, error.line, error.column);
      this.editor.markError(at.line, at.column, error.message);
      throw new EditedCodeError(
        format(this.#strings.editedCannotRunAt, {
          message: error.message,
          line: at.line,
          column: at.column,
        }),
      );
    }
  }

  destroy() {
    this.#release();
    this.editor.destroy();
  }
}
