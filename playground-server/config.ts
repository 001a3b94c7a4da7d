// Every setting and limit of the playground, in one place: a safe
// default for a public deployment, an environment variable to change
// it, and what a client sees when it hits it. The README's
// "Environment variables" table is made from these rows by
// `npm run readme` (scripts/readme-env.ts); a test fails when it is stale.

import { accessSync, constants } from 'node:fs';
import { isIP } from 'node:net';
import { fileURLToPath } from 'node:url';

/** One setting: its variable, default, parser and documentation. */
export interface Setting<T> {
  env: string;
  default: T;
  parse(raw: string): T;
  /** What it does, and what a client sees at the limit. */
  doc: string;
  /** The default as the README shows it, when the value is per machine. */
  shown?: string;
}

/** A setting in the environment that cannot be used. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** The built site, where `astro build` puts it. */
export const DEFAULT_SITE_DIR = fileURLToPath(new URL('../dist/', import.meta.url));

/** Where a self-signed certificate is kept (git-ignored). */
export const DEFAULT_TLS_DIR = fileURLToPath(new URL('../.tls/', import.meta.url));

export const SETTINGS = {
  // The server.
  host: text('HOST', '127.0.0.1', 'the address to listen on'),
  port: integer('PORT', 8080, 0, 65_535, 'the HTTP port (`0` picks a free one)'),
  siteDir: {
    env: 'SITE_DIR',
    default: DEFAULT_SITE_DIR as string | null,
    parse: (raw: string): string | null => raw,
    doc: 'the built site to serve; without it, pages answer 503 saying how to build',
    shown: 'dist/',
  },
  allowedOrigins: origins(
    'ALLOWED_ORIGINS',
    "comma-separated origins, besides the site's own, whose pages may open WebSockets (others get 403) and call the HTTP endpoints across origins (CORS; others get no CORS headers, and a preflight 403)",
  ),
  trustProxy: addresses(
    'TRUST_PROXY',
    'comma-separated addresses or CIDR ranges of your load balancers; a request from one of them is counted against the right-most address in `X-Forwarded-For` that is not one of them. Off by default: every per-address limit counts the TCP peer',
  ),
  headersTimeoutMs: integer(
    'HEADERS_TIMEOUT_MS',
    10_000,
    100,
    600_000,
    'a client that has not sent its whole request head by then gets 408 and is dropped (checked every second)',
  ),
  requestTimeoutMs: integer(
    'REQUEST_TIMEOUT_MS',
    30_000,
    100,
    3_600_000,
    'a request whose body has not fully arrived by then gets 408 and is dropped',
  ),
  keepAliveTimeoutMs: integer(
    'KEEP_ALIVE_TIMEOUT_MS',
    5_000,
    100,
    600_000,
    'an idle keep-alive HTTP connection is closed after this long; the client opens a new one',
  ),
  maxHeaderBytes: integer(
    'MAX_HEADER_BYTES',
    16 * 1024,
    1024,
    1024 * 1024,
    'the largest request head (request line and headers); a larger one gets 431 and the connection is closed',
  ),
  maxHeaders: integer(
    'MAX_HEADERS',
    64,
    8,
    2_000,
    'the most header lines in one request; more get 431 with a body that says why',
  ),
  maxConnections: integer(
    'MAX_CONNECTIONS',
    4_096,
    1,
    1_000_000,
    'open TCP connections to the HTTP port, WebSockets included; more are closed as they arrive (keep it below `ulimit -n`)',
  ),
  shutdownGraceMs: integer(
    'SHUTDOWN_GRACE_MS',
    3_000,
    0,
    60_000,
    'on SIGTERM or SIGINT, how long in-flight requests and closing WebSockets get to finish before they are cut off',
  ),
  redisUrl: {
    env: 'REDIS_URL',
    default: null as string | null,
    parse: redisUrl,
    doc: 'a Redis server (`redis://host:6379`) that every instance shares: the state a visitor reaches across requests (notes, tickets, runs, reports, the push numbering), the deployment-wide caps, and the pub/sub between instances; without it, all of it stays inside this process',
  },
  // TLS (docs/websocket/tls.mdx): HTTPS and wss on a second port.
  tlsPort: {
    env: 'TLS_PORT',
    default: 8443 as number | null,
    parse(raw: string): number | null {
      if (raw.trim() === 'off') return null;
      if (!/^\s*\d+\s*$/.test(raw) || Number(raw) > 65_535) {
        throw new ConfigError(
          `TLS_PORT must be a whole number from 0 to 65535, or off, not "${raw}"`,
        );
      }
      return Number(raw);
    },
    doc: 'the HTTPS and wss port, serving every path `PORT` serves with the same limits (`0` picks a free one, `off` none)',
  },
  tlsCert: readableFile(
    'TLS_CERT',
    'the TLS certificate chain (PEM file) for `TLS_PORT`, with `TLS_KEY`; without both, a self-signed certificate for localhost is made in `TLS_DIR`',
  ),
  tlsKey: readableFile('TLS_KEY', 'the private key (PEM file) of `TLS_CERT`'),
  tlsDir: {
    env: 'TLS_DIR',
    default: DEFAULT_TLS_DIR,
    parse: (raw: string) => raw,
    doc: 'where the self-signed certificate is made at first start and reused while it is valid',
    shown: '.tls/',
  },

  // The WebSocket part (docs/websocket/).
  wsMaxMessageBytes: integer(
    'WS_MAX_MESSAGE_BYTES',
    64 * 1024,
    1,
    2 ** 27,
    'the largest WebSocket message; a larger one closes the connection with 1009',
  ),
  wsInspectors: integer(
    'WS_INSPECTORS',
    32,
    1,
    10_000,
    'frame inspectors (`/ws/raw-inspect`) open at once on this instance; one more gets 503',
  ),
  wsInspectFrames: integer(
    'WS_INSPECT_FRAMES',
    64,
    1,
    10_000,
    'frames an inspector is shown per connection; the rest are counted in its close reason',
  ),
  wsMaxPerClient: integer(
    'WS_MAX_PER_CLIENT',
    16,
    0,
    100_000,
    'open WebSockets per client address, on every endpoint; one more handshake gets 429 saying why (`0`: no cap, for benchmarks). With `REDIS_URL`, for every instance together',
  ),
  wsMessagesPerSecond: integer(
    'WS_MESSAGES_PER_SECOND',
    100,
    1,
    1_000_000,
    'messages a WebSocket may send per second, sustained; faster closes it with 1008',
  ),
  wsMessageBurst: integer(
    'WS_MESSAGE_BURST',
    200,
    1,
    1_000_000,
    'messages a WebSocket may send at once before `WS_MESSAGES_PER_SECOND` applies',
  ),
  wsHeartbeatMs: integer(
    'WS_HEARTBEAT_MS',
    30_000,
    10,
    3_600_000,
    'how often the server pings each WebSocket, on every endpoint; a peer that has not answered the last ping is cut off (close code 1006)',
  ),
  wsIdleTimeoutMs: integer(
    'WS_IDLE_TIMEOUT_MS',
    600_000,
    100,
    86_400_000,
    'a WebSocket over which no message has passed either way for this long is closed with 1000 and the reason `idle for … s`',
  ),
  wsSendQueueBytes: integer(
    'WS_SEND_QUEUE_BYTES',
    1024 * 1024,
    1,
    2 ** 30,
    'bytes `/ws/push` may queue for a reader who reads too slowly; beyond it the connection is closed with 1013',
  ),
  pushTickMs: integer(
    'WS_PUSH_TICK_MS',
    1_000,
    10,
    3_600_000,
    'how often `/ws/push` sends every reader a tick',
  ),
  chatMaxChars: integer(
    'WS_CHAT_MAX_CHARS',
    280,
    1,
    10_000,
    'the longest chat message on `/ws/push`, in characters; a longer one is answered with the error `too-long`',
  ),
  chatPerMinute: integer(
    'WS_CHAT_PER_MINUTE',
    30,
    1,
    60_000,
    'chat messages a reader may send per minute, sustained; faster ones are answered with the error `too-fast`',
  ),
  chatBurst: integer(
    'WS_CHAT_BURST',
    5,
    1,
    10_000,
    'chat messages a reader may send at once before `WS_CHAT_PER_MINUTE` applies',
  ),
  whyMaxRuns: integer(
    'WHY_MAX_RUNS',
    8,
    1,
    10_000,
    'transport comparisons (`/why/`) running at once; one more is refused with 429; with `REDIS_URL`, counted for the whole deployment',
  ),
  pushReplay: integer(
    'WS_PUSH_REPLAY',
    500,
    0,
    100_000,
    'ticks and chat `/ws/push` keeps for readers who resume with `?since=SEQ` (in Redis with `REDIS_URL`, for every instance); a reader whose since is older gets `{"type":"gap",…}` first, then what is kept',
  ),
  // Authentication (docs/websocket/authentication.mdx).
  wsAuthTickets: integer(
    'WS_AUTH_TICKETS',
    1_000,
    1,
    1_000_000,
    'tickets `POST /ws-auth/ticket` keeps at once (used and expired ones are remembered for one more lifetime, to say so, until their place is needed); one more valid ticket gets 503 with `Retry-After`; with `REDIS_URL`, one book for the whole deployment, in Redis',
  ),
  wsAuthTicketSeconds: integer(
    'WS_AUTH_TICKET_SECONDS',
    30,
    1,
    3_600,
    'how long a ticket for `/ws/auth/ticket` is valid; later, the handshake gets 401 `expired-ticket`',
  ),
  wsAuthSessions: integer(
    'WS_AUTH_SESSIONS',
    1_000,
    1,
    1_000_000,
    'sessions `POST /ws-auth/session` keeps at once (expired ones for one more lifetime, until their place is needed); one more live session gets 503 with `Retry-After`; with `REDIS_URL`, one book for the whole deployment, in Redis',
  ),
  wsAuthSessionSeconds: integer(
    'WS_AUTH_SESSION_SECONDS',
    3_600,
    1,
    2_592_000,
    'how long a session cookie for `/ws/auth/cookie` is valid (its Max-Age); later, the handshake gets 401 `expired-session`',
  ),
  wsAuthWaiting: integer(
    'WS_AUTH_WAITING',
    64,
    1,
    100_000,
    'WebSockets on `/ws/auth/first-message` open and not yet authenticated; one more handshake gets 503',
  ),
  wsAuthFirstMessageMs: integer(
    'WS_AUTH_FIRST_MESSAGE_MS',
    5_000,
    10,
    60_000,
    'how long `/ws/auth/first-message` waits for `{"type":"auth","token":…}`; then it closes with 1008 `auth-timeout`',
  ),

  // The sockets part (docs/sockets/).
  tcpEchoPort: integer(
    'TCP_ECHO_PORT',
    7007,
    0,
    65_535,
    "the TCP echo server's port, on `HOST` (`0` picks a free one)",
  ),
  tcpEchoMaxLineBytes: integer(
    'TCP_ECHO_MAX_LINE_BYTES',
    1024,
    1,
    1024 * 1024,
    'the longest line the TCP echo server echoes; a longer one gets `error LINE_TOO_LONG: …` and the connection is closed',
  ),
  tcpEchoIdleTimeoutMs: integer(
    'TCP_ECHO_IDLE_TIMEOUT_MS',
    30_000,
    100,
    3_600_000,
    'a TCP echo connection quiet this long gets `error IDLE_TIMEOUT: …` and is closed',
  ),
  tcpEchoMaxConnections: integer(
    'TCP_ECHO_MAX_CONNECTIONS',
    100,
    1,
    100_000,
    'TCP echo connections served at once; one more gets `error TOO_MANY_CONNECTIONS: …` and is closed',
  ),
  udpEchoPort: integer(
    'UDP_ECHO_PORT',
    7007,
    0,
    65_535,
    "the UDP echo server's port, on `HOST` (`0` picks a free one)",
  ),
  udpEchoMaxDatagramBytes: integer(
    'UDP_ECHO_MAX_DATAGRAM_BYTES',
    1024,
    128,
    65_507,
    'the largest datagram echoed (at least 128); a larger one is answered with one `error DATAGRAM_TOO_LARGE: …` datagram and counted',
  ),
  // Server-run demos (WS /ws/run), which any part may list in
  // shared/server-demos.ts.
  runTimeLimitMs: integer(
    'RUN_TIME_LIMIT_MS',
    20_000,
    100,
    600_000,
    'how long a server-run demo may take; then it is stopped with the error line `stopped: time limit of … s reached`',
  ),
  runMaxLines: integer(
    'RUN_MAX_LINES',
    200,
    1,
    100_000,
    'output lines a server-run demo may print; then it is stopped with `stopped: output limit of … lines reached`',
  ),
  runMaxPerClient: integer(
    'RUN_MAX_PER_CLIENT',
    3,
    1,
    1_000,
    'server-run demos one client address may have running at once; one more gets an error line and close code 1013. With `REDIS_URL`, for every instance together',
  ),
  runMaxTotal: integer(
    'RUN_MAX_TOTAL',
    20,
    1,
    10_000,
    'server-run demos running at once for everyone; one more gets an error line and close code 1013. With `REDIS_URL`, for every instance together',
  ),

  // The REST part (docs/rest/).
  restMaxBodyBytes: integer(
    'REST_MAX_BODY_BYTES',
    16 * 1024,
    1,
    1024 * 1024,
    'the largest request body the notes API takes; a larger one gets 413, refused before it is read whole',
  ),
  restMaxUrlBytes: integer(
    'REST_MAX_URL_BYTES',
    2048,
    64,
    16_000,
    'the longest request target under `/api/`; a longer one gets 414',
  ),
  restMaxNotesPerToken: integer(
    'REST_MAX_NOTES_PER_TOKEN',
    25,
    1,
    10_000,
    'how many notes one bearer token may keep; one more gets 409 until a note is deleted',
  ),
  restMaxTokens: integer(
    'REST_MAX_TOKENS',
    200,
    1,
    1_000_000,
    "how many tokens' notes are kept; beyond it the least recently used token's notes are forgotten",
  ),
  restCacheMaxBytes: integer(
    'REST_CACHE_MAX_BYTES',
    4 * 1024 * 1024,
    0,
    2 ** 30,
    'how much the caching layer at `/api/cached/` stores; beyond it the least recently used responses are dropped',
  ),
  restPageDefault: integer(
    'REST_PAGE_DEFAULT',
    10,
    1,
    1_000,
    'notes in a page of `GET /api/notes` when the request names no `limit` (at most `REST_PAGE_MAX`)',
  ),
  restPageMax: integer(
    'REST_PAGE_MAX',
    20,
    1,
    1_000,
    'the largest `limit` a page of `GET /api/notes` may ask for; a larger one, or one that is no whole number from 1, gets 400 naming both sizes',
  ),
  restRatePerMinute: integer(
    'REST_RATE_PER_MINUTE',
    600,
    1,
    1_000_000,
    'requests one bearer token may make to `/api/notes` per minute, sustained; every answer says what is left (`RateLimit`, `RateLimit-Policy`), and one too many gets 429 with `Retry-After`',
  ),
  restRateBurst: integer(
    'REST_RATE_BURST',
    600,
    1,
    1_000_000,
    'requests one bearer token may make at once before `REST_RATE_PER_MINUTE` applies',
  ),
  restIdempotencyKeys: integer(
    'REST_IDEMPOTENCY_KEYS',
    25,
    1,
    100_000,
    "`Idempotency-Key`s one bearer token's answers are kept for; beyond it the oldest is forgotten, and a retry with it creates a new note",
  ),
  restIdempotencyTtlMs: integer(
    'REST_IDEMPOTENCY_TTL_MS',
    86_400_000,
    1_000,
    604_800_000,
    'how long the answer to a POST with an `Idempotency-Key` is kept to be sent again; a retry after that creates a new note',
  ),

  // The RPC part (docs/rpc/).
  rpcTcpPort: integer(
    'RPC_TCP_PORT',
    8301,
    0,
    65_535,
    'JSON-RPC 2.0 over TCP, one message a line (`0` picks a free one)',
  ),
  rpcGoPort: integer(
    'RPC_GO_PORT',
    8302,
    0,
    65_535,
    "the same service over TCP in Go's net/rpc/jsonrpc format, for Go clients",
  ),
  rpcMaxBatch: integer(
    'RPC_MAX_BATCH',
    100,
    1,
    10_000,
    'the most requests in one batch; a larger batch gets one -32600 error naming the limit',
  ),
  rpcMaxBodyBytes: integer(
    'RPC_MAX_BODY_BYTES',
    64 * 1024,
    64,
    2 ** 24,
    'the largest RPC message: an HTTP body gets 413, a WebSocket message closes with 1009, a TCP line gets -32600 and a close',
  ),
  rpcCallTimeLimitMs: integer(
    'RPC_CALL_TIME_LIMIT_MS',
    5_000,
    1,
    600_000,
    'how long one call may run; then its answer is the error -32000 Time limit exceeded',
  ),
  rpcMaxInFlight: integer(
    'RPC_MAX_IN_FLIGHT',
    16,
    1,
    1_000,
    'calls one connection may have running: more get -32001 over WebSocket; TCP stops reading until some finish',
  ),
  rpcTcpMaxConnections: integer(
    'RPC_TCP_MAX_CONNECTIONS',
    100,
    1,
    10_000,
    'open connections on each RPC TCP port; more are closed at once',
  ),
  rpcTcpIdleMs: integer(
    'RPC_TCP_IDLE_MS',
    60_000,
    1_000,
    3_600_000,
    'an RPC TCP connection quiet for this long is closed',
  ),
  rpcErrorLogsPerMinute: integer(
    'RPC_ERROR_LOGS_PER_MINUTE',
    10,
    1,
    100_000,
    'failed calls (such as `explode`) logged per minute, after a burst of as many; the rest are counted, and the next logged line says how many were left out',
  ),

  // gRPC and Connect (docs/rpc/grpc.mdx): Arith and Clock from
  // examples/grpc/arith.proto.
  grpcPort: integer(
    'GRPC_PORT',
    8303,
    0,
    65_535,
    'gRPC over HTTP/2 without TLS (h2c) for programs (`0` picks a free one); browsers use the Connect and gRPC-Web protocols under `/connect/` on `PORT`',
  ),
  grpcMaxMessageBytes: integer(
    'GRPC_MAX_MESSAGE_BYTES',
    64 * 1024,
    64,
    2 ** 24,
    'the largest gRPC or Connect message, request or response; a larger one gets `resource_exhausted` (Connect: HTTP 429), read no further',
  ),
  grpcCallTimeLimitMs: integer(
    'GRPC_CALL_TIME_LIMIT_MS',
    5_000,
    1,
    600_000,
    "how long one unary gRPC or Connect call may run, whatever the client's deadline; then it gets `deadline_exceeded`",
  ),
  grpcMaxStreams: integer(
    'GRPC_MAX_STREAMS',
    16,
    1,
    1_000,
    'calls one HTTP/2 connection to `GRPC_PORT` may have in flight, each a stream (SETTINGS_MAX_CONCURRENT_STREAMS); one more is reset with REFUSED_STREAM, or, once the client has acknowledged the limit, ends its connection with GOAWAY. Over HTTP/1.1 (`/connect/`) a connection carries one call at a time',
  ),
  grpcMaxConnections: integer(
    'GRPC_MAX_CONNECTIONS',
    100,
    1,
    10_000,
    'open connections on `GRPC_PORT`; more are closed as they arrive',
  ),
  grpcIdleTimeoutMs: integer(
    'GRPC_IDLE_TIMEOUT_MS',
    60_000,
    1_000,
    3_600_000,
    'an HTTP/2 connection to `GRPC_PORT` with no stream activity for this long gets GOAWAY and is closed',
  ),
} satisfies Record<string, Setting<unknown>>;

type Settings = typeof SETTINGS;

/** The playground's settings, after defaults and validation. */
export type Config = { [K in keyof Settings]: Settings[K]['default'] };

/** Every setting at its default. */
export const DEFAULTS = Object.fromEntries(
  Object.entries(SETTINGS).map(([key, setting]) => [key, setting.default]),
) as Config;

/** Reads the settings from `env`, falling back to their defaults. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const config = Object.fromEntries(
    Object.entries(SETTINGS).map(([key, setting]) => {
      const raw = env[setting.env];
      return [key, raw === undefined || raw === '' ? setting.default : setting.parse(raw)];
    }),
  ) as Config;
  // The head is part of the request: its time limit cannot be longer.
  if (config.headersTimeoutMs > config.requestTimeoutMs) {
    throw new ConfigError(
      `HEADERS_TIMEOUT_MS (${config.headersTimeoutMs}) may not be longer ` +
        `than REQUEST_TIMEOUT_MS (${config.requestTimeoutMs})`,
    );
  }
  // A certificate is no use without its key, and the reverse.
  if ((config.tlsCert === null) !== (config.tlsKey === null)) {
    const [given, missing] =
      config.tlsCert === null ? ['TLS_KEY', 'TLS_CERT'] : ['TLS_CERT', 'TLS_KEY'];
    throw new ConfigError(`${given} is set but ${missing} is not: set both, or neither`);
  }
  // A page without a limit must be one a client could ask for.
  if (config.restPageDefault > config.restPageMax) {
    throw new ConfigError(
      `REST_PAGE_DEFAULT (${config.restPageDefault}) may not be larger ` +
        `than REST_PAGE_MAX (${config.restPageMax})`,
    );
  }
  return config;
}

/** A setting that is a whole number from `min` to `max`. */
export function integer(
  env: string,
  fallback: number,
  min: number,
  max: number,
  doc: string,
): Setting<number> {
  return {
    env,
    default: fallback,
    doc,
    parse(raw) {
      const value = Number(raw);
      if (!/^\s*-?\d+\s*$/.test(raw) || value < min || value > max) {
        throw new ConfigError(`${env} must be a whole number from ${min} to ${max}, not "${raw}"`);
      }
      return value;
    },
  };
}

/** A setting that is any text. */
export function text(env: string, fallback: string, doc: string): Setting<string> {
  return { env, default: fallback, doc, parse: (raw) => raw };
}

/** A setting that lists addresses and CIDR ranges: 10.0.0.0/8, ::1. */
export function addresses(env: string, doc: string): Setting<string[]> {
  return {
    env,
    default: [],
    doc,
    parse: (raw) =>
      raw.split(',').map((item) => {
        const given = item.trim();
        const [address = '', bits, extra] = given.split('/');
        const family = isIP(address);
        const most = family === 6 ? 128 : 32;
        const bitsOk = bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= most);
        if (family === 0 || !bitsOk || extra !== undefined) {
          throw new ConfigError(
            `${env} takes addresses or CIDR ranges like 10.0.0.0/8 or ::1, not "${given}"`,
          );
        }
        return given;
      }),
  };
}

/** A setting that names a file this process can read. */
function readableFile(env: string, doc: string): Setting<string | null> {
  return {
    env,
    default: null,
    doc,
    parse(raw) {
      try {
        accessSync(raw, constants.R_OK);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        throw new ConfigError(`${env} names a file that cannot be read: ${raw} (${code})`);
      }
      return raw;
    },
  };
}

/** A redis:// or rediss:// URL. */
function redisUrl(raw: string): string {
  let url: URL | undefined;
  try {
    url = new URL(raw);
  } catch {}
  if (!url || !['redis:', 'rediss:'].includes(url.protocol) || !url.hostname) {
    throw new ConfigError(`REDIS_URL takes a URL like redis://127.0.0.1:6379, not "${raw}"`);
  }
  return raw;
}

/** A setting that lists origins such as https://example.org. */
export function origins(env: string, doc: string): Setting<string[]> {
  return {
    env,
    default: [],
    doc,
    parse: (raw) =>
      raw.split(',').map((item) => {
        const given = item.trim().replace(/\/$/, '');
        let origin = 'null';
        try {
          origin = new URL(given).origin;
        } catch {}
        if (origin === 'null' || origin !== given) {
          throw new ConfigError(
            `${env} takes origins like https://example.org, not "${item.trim()}"`,
          );
        }
        return origin;
      }),
  };
}
