// One headless Chromium for the whole browser project: each file
// connects to it (connectChromium) instead of starting one of its own,
// which costs a second or more of CPU on a small machine.

import type { TestProject } from 'vitest/node';
import { launchChromiumServer, whyChromiumIsMissing } from '../support/browser.ts';

export default async function setup(project: TestProject) {
  // Without Chromium the files skip their suites and never connect.
  if (whyChromiumIsMissing()) return;
  const chromium = await launchChromiumServer();
  project.provide('chromiumEndpoint', chromium.wsEndpoint());
  return () => chromium.close();
}
