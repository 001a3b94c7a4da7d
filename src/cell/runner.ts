// How a cell runs its demo. A runner takes the same options in every
// place a demo runs (where the playground is, a signal for Stop and the
// time limit, and where lines go) and resolves when the run is over:
//
// - the page runner imports the tested original and runs it in the page;
// - the worker runner (worker-runner.ts) runs code a reader edited in a
//   Web Worker, which Stop can terminate even in an endless loop;
// - a playground runner asks the server to run an allow-listed demo.
//
// Lines, views and statuses look the same whichever runner made them.

import { type Demo, type RunnerOptions, runDemo } from '../../examples/demo-io.ts';
import { browserDemos } from '../demos.ts';
import type { CellStrings } from './cell-strings.ts';
import { playgroundDemo } from './playground-runner.ts';

/** Runs a cell's demo once. */
export interface Runner {
  /** Emits the demo's lines; resolves true when it finished without error. */
  run(options: RunnerOptions): Promise<boolean>;
}

const loaded = new Map<string, Demo>();

/** A runner for the tested original of browser demo `id`, imported on first use. */
export async function pageRunner(id: string): Promise<Runner> {
  let demo = loaded.get(id);
  if (!demo) {
    const load = browserDemos[id];
    if (!load) throw new Error(`no browser demo named "${id}"`);
    demo = (await load()).run;
    loaded.set(id, demo);
  }
  const ready = demo;
  return { run: (options) => runDemo(ready, options) };
}

/** A runner that has the playground run allow-listed demo `id`. */
export function playgroundRunner(id: string, strings: CellStrings): Runner {
  return { run: (options) => runDemo(playgroundDemo(id, strings, options.emit), options) };
}
