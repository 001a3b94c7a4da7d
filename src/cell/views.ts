// Views draw the structured values a demo hands to io.show(name, value)
// under its cell. Each is its own chunk, loaded the first time a demo
// shows it. A view that is not listed here shows its value as JSON.

/** Draws `value` into `into`. */
export type Render = (value: unknown, into: HTMLElement) => void;

/** Views by name. */
export const views: Record<string, () => Promise<{ render: Render }>> = {
  table: () => import('./views/table.ts'),
  bars: () => import('./views/bars.ts'),
  line: () => import('./views/line.ts'),
  frames: () => import('./views/frames.ts'),
};
