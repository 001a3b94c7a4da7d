// What a cell needs once it runs: the output log, the runners and
// the DemoIO they share. <wb-cell> imports this on its first Run, so a
// page that is only read ships only the element itself.

export { describeError } from '../../examples/demo-io.ts';
export { Output } from './output.ts';
export { pageRunner, playgroundRunner } from './runner.ts';
