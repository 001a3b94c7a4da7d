import { expect, test } from 'vitest';
import {
  deliveries,
  type Lane,
  longPolling,
  type Scenario,
  serverSentEvents,
  shortPolling,
  webSocketPush,
} from './polling-timeline.ts';

const scenario: Scenario = {
  events: [400, 1150, 1250, 2350],
  end: 3000,
  latency: 80,
  pollEvery: 500,
};

/** A lane's messages as "from sent→arrives kind [events]". */
const wire = (lane: Lane) =>
  lane.messages.map((m) => `${m.from} ${m.sent}→${m.arrives} ${m.kind} [${m.events}]`);

test('short polling asks on the clock and is often answered with nothing', () => {
  const lane = shortPolling(scenario);
  expect(wire(lane).filter((line) => line.startsWith('server'))).toEqual([
    'server 80→160 empty []',
    'server 580→660 news [0]',
    'server 1080→1160 empty []',
    'server 1580→1660 news [1,2]',
    'server 2080→2160 empty []',
    'server 2580→2660 news [3]',
  ]);
  expect(lane.requests).toBe(6);
  expect(lane.empty).toBe(3);
  expect(lane.held).toEqual([]);
  expect(lane.open).toBeNull();
});

test('long polling is held until an event, and asks again at once', () => {
  const lane = longPolling(scenario);
  expect(wire(lane)).toEqual([
    'client 0→80 request []',
    'server 400→480 news [0]',
    'client 480→560 request []',
    'server 1150→1230 news [1]',
    // The third event happened while no request was waiting: it is
    // answered the moment the next request arrives.
    'client 1230→1310 request []',
    'server 1310→1390 news [2]',
    'client 1390→1470 request []',
    'server 2350→2430 news [3]',
    'client 2430→2510 request []',
  ]);
  expect(lane.held).toEqual([
    [80, 400],
    [560, 1150],
    [1470, 2350],
    [2510, 3000],
  ]);
  expect(lane.requests).toBe(5);
  expect(lane.empty).toBe(0);
});

test('SSE and WebSocket make one request and push each event as it happens', () => {
  for (const lane of [serverSentEvents(scenario), webSocketPush(scenario)]) {
    expect(wire(lane)).toEqual([
      'client 0→80 request []',
      'server 80→160 open []',
      'server 400→480 news [0]',
      'server 1150→1230 news [1]',
      'server 1250→1330 news [2]',
      'server 2350→2430 news [3]',
    ]);
    expect(lane.open).toEqual([80, 3000]);
    expect(lane.requests).toBe(1);
  }
});

test('each lane delivers every event, and push is never later than polling', () => {
  const lanes = [shortPolling, longPolling, serverSentEvents, webSocketPush].map((make) =>
    deliveries(make(scenario)),
  );
  for (const arrived of lanes) expect([...arrived.keys()].sort()).toEqual([0, 1, 2, 3]);
  const [short, long, sse] = lanes;
  for (const event of [0, 1, 2, 3]) {
    expect(sse!.get(event)).toBe(scenario.events[event]! + scenario.latency);
    expect(long!.get(event)!).toBeGreaterThanOrEqual(sse!.get(event)!);
    expect(short!.get(event)!).toBeGreaterThanOrEqual(long!.get(event)!);
  }
});

test('an event before the stream opens waits for it, and one after the end is not drawn', () => {
  const early = { ...scenario, events: [20, 2990] };
  expect(wire(serverSentEvents(early)).slice(2)).toEqual(['server 80→160 news [0]']);
  // Long polling: the first event is answered on arrival (80 ms), the
  // next request arrives at 240 and is still held when the diagram ends.
  expect(wire(longPolling(early)).slice(1, 2)).toEqual(['server 80→160 news [0]']);
  expect(longPolling(early).held).toEqual([[240, 3000]]);
});
