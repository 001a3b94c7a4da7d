// <wb-api-explorer>: the browser runtime of the API explorer. The form
// is rendered at build time by ApiExplorer.astro; this element fills it
// from an operation of the API's description or a preset, sends what it holds with the reader's token, and shows
// the status line, headers, body and time of the answer.

import {
  type ExplorerRequest,
  fromOperation,
  fromPreset,
  operation,
  PRESETS,
  send,
} from '../../examples/rest/explorer.ts';
import { format } from '../i18n/format.ts';
import type { StringsUnder } from '../i18n/ui-strings.ts';
import { readerToken, renewToken } from './reader-token.ts';

/** What the explorer's script says, from ApiExplorer.astro in the page's language. */
type Strings = Pick<
  StringsUnder<'apiExplorer'>,
  'takesFields' | 'takesQuery' | 'takes' | 'takesSeparator' | 'sending' | 'notSent'
>;

/** Where the playground is: set at build time, else this origin. */
function playgroundBase(): string {
  const configured: string | undefined = import.meta.env.PUBLIC_PLAYGROUND_URL;
  return configured || location.origin;
}

/** A request is abandoned after this long. */
const TIME_LIMIT_MS = 15_000;

class WirebookApiExplorer extends HTMLElement {
  /** The last ETag received, which {etag} in a header stands for. */
  #etag: string | null = null;
  #sent = 0;
  #strings = {} as Strings;

  connectedCallback() {
    this.#strings = JSON.parse(this.dataset['strings'] ?? '{}') as Strings;
    const strings = this.#strings;
    this.#showToken(readerToken());
    this.#part<HTMLSelectElement>('preset').addEventListener('change', (event) => {
      const index = (event.target as HTMLSelectElement).value;
      const preset = PRESETS[Number(index)];
      if (index !== '' && preset) this.#fill(fromPreset(preset, this.#etag));
    });
    this.#part<HTMLSelectElement>('operation').addEventListener('change', (event) => {
      const id = (event.target as HTMLSelectElement).value;
      if (id === '') return;
      const op = operation(id);
      this.#fill({ ...fromOperation(op), accept: '', token: true });
      // The parameters it documents, for the reader to add.
      const takes = [
        ...(op.headers.length > 0
          ? [format(strings.takesFields, { fields: op.headers.join(', ') })]
          : []),
        ...(op.query.length > 0
          ? [format(strings.takesQuery, { query: op.query.join(', ') })]
          : []),
      ];
      this.#part('takes').textContent =
        takes.length > 0 ? format(strings.takes, { what: takes.join(strings.takesSeparator) }) : '';
    });
    this.#part('new-token').addEventListener('click', () => {
      this.#showToken(renewToken());
    });
    this.#form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.#send();
    });
  }

  #fill(request: ExplorerRequest) {
    const { elements } = this.#form;
    (elements.namedItem('method') as HTMLSelectElement).value = request.method;
    for (const name of ['path', 'accept', 'headers', 'body'] as const) {
      (elements.namedItem(name) as HTMLInputElement).value = request[name];
    }
    (elements.namedItem('token') as HTMLInputElement).checked = request.token;
  }

  #read(): ExplorerRequest {
    const { elements } = this.#form;
    const value = (name: string) => (elements.namedItem(name) as HTMLInputElement).value;
    return {
      method: value('method'),
      path: value('path'),
      accept: value('accept'),
      headers: value('headers'),
      body: value('body'),
      token: (elements.namedItem('token') as HTMLInputElement).checked,
    };
  }

  async #send() {
    const button = this.#form.querySelector('button[type="submit"]') as HTMLButtonElement;
    button.disabled = true;
    this.#status(this.#strings.sending);
    try {
      const response = await send(
        playgroundBase(),
        this.#read(),
        readerToken(),
        AbortSignal.timeout(TIME_LIMIT_MS),
      );
      const etag = response.headers.find(([name]) => name === 'etag');
      if (etag) {
        this.#etag = etag[1];
        this.#part('etag').textContent = etag[1];
      }
      this.#status(
        `${response.status} ${response.statusText} · ${response.milliseconds} ms`,
        String(response.status),
      );
      this.#part('headers').textContent = response.headers
        .map(([name, value]) => `${name}: ${value}`)
        .join('\n');
      this.#part('body').textContent = response.body;
    } catch (error) {
      this.#status(format(this.#strings.notSent, { message: (error as Error).message }), 'error');
      this.#part('headers').textContent = '';
      this.#part('body').textContent = '';
    } finally {
      button.disabled = false;
      this.dataset['sent'] = String(++this.#sent);
    }
  }

  #status(text: string, outcome = '') {
    const status = this.#part('status');
    status.textContent = text;
    status.dataset['outcome'] = outcome;
  }

  #showToken(token: string) {
    this.#part('token').textContent = token;
  }

  get #form() {
    return this.#part<HTMLFormElement>('form');
  }

  #part<T extends HTMLElement = HTMLElement>(name: string): T {
    const part = this.querySelector<T>(`[data-part="${name}"]`);
    if (!part) throw new Error(`<wb-api-explorer> has no [data-part="${name}"]`);
    return part;
  }
}

customElements.define('wb-api-explorer', WirebookApiExplorer);
