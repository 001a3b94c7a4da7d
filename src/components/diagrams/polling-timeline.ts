// What four transports put on the wire for the same server events:
// the model the polling timeline diagram is drawn from. Each lane is
// worked out from the events, the network delay and the poll interval,
// so the drawing, its counts and its description cannot disagree.

/** The events to deliver and the network they travel over, in ms. */
export interface Scenario {
  /** When each event happens on the server, in order. */
  events: number[];
  /** How long the diagram runs. */
  end: number;
  /** One-way network delay. */
  latency: number;
  /** How often the short-polling client asks. */
  pollEvery: number;
}

/** One message on the wire: a request, an answer or a pushed event. */
export interface Message {
  from: 'client' | 'server';
  sent: number;
  arrives: number;
  /** Which events (their indices) it carries. */
  events: number[];
  /**
   * request: asks; news: carries events; empty: an answer with
   * nothing in it; open: the answer that opens a stream.
   */
  kind: 'request' | 'news' | 'empty' | 'open';
}

/** One transport's lane. */
export interface Lane {
  name: string;
  messages: Message[];
  /** Spans in which the server holds a request unanswered. */
  held: [from: number, to: number][];
  /** The one response or connection that stays open, if any. */
  open: [from: number, to: number] | null;
  /** HTTP requests made (a WebSocket handshake is one). */
  requests: number;
  /** Answers that carried no event. */
  empty: number;
}

/** The events after `delivered` that have happened by `time`. */
function due(scenario: Scenario, delivered: number, time: number) {
  const due: number[] = [];
  for (let i = delivered; i < scenario.events.length; i++) {
    if (scenario.events[i]! <= time) due.push(i);
  }
  return due;
}

/** Asks every `pollEvery` ms and is answered at once, news or not. */
export function shortPolling(scenario: Scenario): Lane {
  const { latency, pollEvery, end } = scenario;
  const messages: Message[] = [];
  let delivered = 0;
  for (let sent = 0; sent + 2 * latency <= end; sent += pollEvery) {
    const answered = sent + latency;
    const events = due(scenario, delivered, answered);
    delivered += events.length;
    messages.push(
      { from: 'client', sent, arrives: answered, events: [], kind: 'request' },
      {
        from: 'server',
        sent: answered,
        arrives: answered + latency,
        events,
        kind: events.length > 0 ? 'news' : 'empty',
      },
    );
  }
  return lane('short polling', messages, [], null);
}

/** Asks again as soon as it has an answer; the server holds each. */
export function longPolling(scenario: Scenario): Lane {
  const { latency, end, events: times } = scenario;
  const messages: Message[] = [];
  const held: [number, number][] = [];
  let delivered = 0;
  let sent = 0;
  while (sent + latency <= end) {
    const arrives = sent + latency;
    messages.push({ from: 'client', sent, arrives, events: [], kind: 'request' });
    // Events already waiting are answered at once; otherwise the
    // server holds the request until the next one happens.
    const next = times[delivered];
    const answered = delivered < times.length && next! <= arrives ? arrives : next;
    if (answered === undefined || answered + latency > end) {
      held.push([arrives, end]);
      break;
    }
    if (answered > arrives) held.push([arrives, answered]);
    const events = due(scenario, delivered, answered);
    delivered += events.length;
    messages.push({
      from: 'server',
      sent: answered,
      arrives: answered + latency,
      events,
      kind: 'news',
    });
    sent = answered + latency;
  }
  return lane('long polling', messages, held, null);
}

/** One request whose response stays open; each event is written in. */
export function serverSentEvents(scenario: Scenario): Lane {
  return stream('Server-Sent Events', scenario);
}

/** One handshake, then each event as a message on the connection. */
export function webSocketPush(scenario: Scenario): Lane {
  return stream('WebSocket', scenario);
}

/** SSE and WebSocket look alike here: one request, then pushes. */
function stream(name: string, scenario: Scenario): Lane {
  const { latency, end, events } = scenario;
  const opened = latency;
  const messages: Message[] = [
    { from: 'client', sent: 0, arrives: opened, events: [], kind: 'request' },
    {
      from: 'server',
      sent: opened,
      arrives: opened + latency,
      events: [],
      kind: 'open',
    },
  ];
  events.forEach((time, i) => {
    const sent = Math.max(time, opened);
    if (sent + latency > end) return;
    messages.push({
      from: 'server',
      sent,
      arrives: sent + latency,
      events: [i],
      kind: 'news',
    });
  });
  return lane(name, messages, [], [opened, end]);
}

function lane(name: string, messages: Message[], held: Lane['held'], open: Lane['open']): Lane {
  return {
    name,
    messages,
    held,
    open,
    requests: messages.filter((m) => m.kind === 'request').length,
    empty: messages.filter((m) => m.kind === 'empty').length,
  };
}

/** When each event reaches the client in `lane`, by event index. */
export function deliveries(lane: Lane) {
  const arrived = new Map<number, number>();
  for (const message of lane.messages) {
    for (const event of message.events) arrived.set(event, message.arrives);
  }
  return arrived;
}
