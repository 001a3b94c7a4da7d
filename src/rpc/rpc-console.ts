// <wb-rpc-console>: the browser runtime of the RPC console.
//
// The form is rendered at build time by RpcConsole.astro; this element
// wires it up. It sends the request exactly as shown, over HTTP
// (POST /rpc) or one WebSocket kept open (WS /ws/rpc), and shows the
// raw response, the round-trip time, and anything the server pushes.
// Its words come from RpcConsole.astro, in the page's language.

import { playgroundBase } from '../cell/wb-cell.ts';
import { format } from '../i18n/format.ts';
import type { StringsUnder } from '../i18n/ui-strings.ts';

type Strings = StringsUnder<'rpcConsole'>;

/** How long to wait for a reply before saying so. */
const TIMEOUT_MS = 10_000;
/** The pushed notifications kept on screen. */
const MAX_PUSHED = 50;

type Part =
  | 'form'
  | 'method'
  | 'params'
  | 'shape'
  | 'notification'
  | 'status'
  | 'request'
  | 'response'
  | 'rtt'
  | 'pushed';

class RpcConsole extends HTMLElement {
  #nextId = 1;
  #socket: Promise<WebSocket> | undefined;
  #waiting = new Map<number, (reply: string) => void>();
  #busy = false;
  #strings = {} as Strings;

  connectedCallback() {
    this.#strings = JSON.parse(this.dataset['strings'] ?? '{}') as Strings;
    const examples = JSON.parse(this.dataset['examples'] ?? '{}') as Record<
      string,
      { params: string; shape: string }
    >;
    const method = this.#part('method') as HTMLSelectElement;
    const params = this.#part('params') as HTMLTextAreaElement;
    const fill = () => {
      const example = examples[method.value];
      params.value = example?.params ?? '';
      const shape = example?.shape ?? this.#strings.none;
      this.#part('shape').textContent = format(this.#strings.shape, { shape });
    };
    method.addEventListener('change', fill);
    fill();
    this.#part('form').addEventListener('submit', (event) => {
      event.preventDefault();
      void this.call();
    });
    // Ctrl+Enter (or ⌘+Enter) in the params box calls, as in a notebook.
    params.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        void this.call();
      }
    });
  }

  disconnectedCallback() {
    void this.#socket?.then((ws) => ws.close(1000, 'page left'));
  }

  /** Sends the request the form describes and shows what comes back. */
  async call() {
    if (this.#busy) return;
    const form = this.#part('form') as HTMLFormElement;
    const transport = new FormData(form).get('transport') === 'ws' ? 'ws' : 'http';
    const method = (this.#part('method') as HTMLSelectElement).value;
    const paramsText = (this.#part('params') as HTMLTextAreaElement).value.trim();
    const notification = (this.#part('notification') as HTMLInputElement).checked;
    let params: unknown;
    try {
      params = paramsText === '' ? undefined : JSON.parse(paramsText);
    } catch (error) {
      this.#show('error', format(this.#strings.notJson, { message: (error as Error).message }));
      return;
    }
    const id = this.#nextId++;
    const request = {
      jsonrpc: '2.0',
      method,
      ...(params === undefined ? {} : { params }),
      ...(notification ? {} : { id }),
    };
    const text = JSON.stringify(request);
    this.#part('request').textContent = JSON.stringify(request, null, 2);
    this.#part('response').textContent = '';
    this.#part('rtt').textContent = '';
    this.#busy = true;
    this.#show(
      'calling',
      format(this.#strings.calling, {
        method,
        transport: transport === 'ws' ? 'WebSocket' : 'HTTP',
      }),
    );
    const started = performance.now();
    try {
      const reply =
        transport === 'ws'
          ? await this.#overWebSocket(text, notification ? undefined : id)
          : await this.#overHttp(text);
      const took = Math.round(performance.now() - started);
      this.#part('response').textContent = reply;
      this.#part('rtt').textContent = `${took} ms`;
      this.#show('done', format(this.#strings.answered, { took }));
    } catch (error) {
      this.#show('error', (error as Error).message);
    } finally {
      this.#busy = false;
    }
  }

  async #overHttp(body: string) {
    let response: Response;
    try {
      response = await fetch(new URL('/rpc', playgroundBase()), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch {
      throw new Error(this.#unreachable());
    }
    if (response.status === 204) return this.#strings.noContent;
    const text = await response.text();
    return response.ok ? pretty(text) : `HTTP ${response.status}: ${text}`;
  }

  async #overWebSocket(message: string, id: number | undefined) {
    const ws = await this.#connect();
    ws.send(message);
    if (id === undefined) return this.#strings.sentNotification;
    return new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#waiting.delete(id);
        reject(new Error(format(this.#strings.noReply, { seconds: TIMEOUT_MS / 1000 })));
      }, TIMEOUT_MS);
      this.#waiting.set(id, (reply) => {
        clearTimeout(timer);
        resolve(reply);
      });
    });
  }

  /** Opens the WebSocket once, and again after it closes. */
  #connect() {
    this.#socket ??= new Promise<WebSocket>((resolve, reject) => {
      const url = new URL('/ws/rpc', playgroundBase());
      url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
      const ws = new WebSocket(url);
      ws.onopen = () => resolve(ws);
      ws.onmessage = (event: MessageEvent<string>) => this.#receive(event.data);
      ws.onclose = () => {
        this.#socket = undefined;
        reject(new Error(this.#unreachable()));
      };
    });
    return this.#socket;
  }

  #receive(text: string) {
    let message: { id?: unknown; method?: unknown };
    try {
      message = JSON.parse(text) as typeof message;
    } catch {
      return;
    }
    const settle = typeof message.id === 'number' ? this.#waiting.get(message.id) : undefined;
    if (settle) {
      this.#waiting.delete(message.id as number);
      settle(pretty(text));
    } else {
      // Anything else is the server's own: a tick, say.
      const pushed = this.#part('pushed');
      const item = document.createElement('div');
      item.textContent = text;
      pushed.append(item);
      while (pushed.childElementCount > MAX_PUSHED) pushed.firstElementChild?.remove();
    }
  }

  #unreachable() {
    return format(this.#strings.unreachable, { base: playgroundBase() });
  }

  #show(state: 'calling' | 'done' | 'error', text: string) {
    this.dataset['state'] = state;
    this.#part('status').textContent = text;
  }

  #part(name: Part): HTMLElement {
    const part = this.querySelector<HTMLElement>(`[data-part="${name}"]`);
    if (!part) throw new Error(`<wb-rpc-console> has no [data-part="${name}"]`);
    return part;
  }
}

function pretty(text: string) {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

customElements.define('wb-rpc-console', RpcConsole);
