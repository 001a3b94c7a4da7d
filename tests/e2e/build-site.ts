// Browser tests run against the built site: build it first when it is
// missing or older than its sources.
import { buildIfStale } from '../../scripts/build-if-stale.ts';

export default function setup() {
  buildIfStale();
}
