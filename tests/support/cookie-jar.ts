// A browser's cookie jar, for a demo run in Node. Node's fetch keeps
// no cookies and its WebSocket sends none, so the cookie demo
// (examples/websocket/auth-cookie-client.ts) would fail there for a
// reason no reader meets. The jar's fetch keeps what Set-Cookie says;
// its WebSocket sends the cookies whose Path matches, as a browser
// does on the same site. Domain, expiry and SameSite are the browser
// test's business (tests/e2e/websocket-auth.test.ts).

interface Cookie {
  value: string;
  path: string;
}

/** A fetch and a WebSocket constructor that share one jar. */
export function cookieJar() {
  const jar = new Map<string, Cookie>();
  // Node's own, even once a test has put this jar's fetch in its place.
  const nodeFetch = globalThis.fetch;

  const fetchWithJar: typeof fetch = async (input, init) => {
    const response = await nodeFetch(input, init);
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';').map((part) => part.trim());
      const equals = pair.indexOf('=');
      const path = attributes.find((a) => /^path=/i.test(a))?.slice('path='.length) ?? '/';
      jar.set(pair.slice(0, equals), { value: pair.slice(equals + 1), path });
    }
    return response;
  };

  class WebSocketWithJar extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      const { pathname } = new URL(url);
      const cookie = [...jar]
        .filter(([, c]) => pathname.startsWith(c.path))
        .map(([name, c]) => `${name}=${c.value}`)
        .join('; ');
      // Node's WebSocket (undici's) takes headers in its second argument.
      const init = { protocols, headers: cookie ? { cookie } : {} };
      super(url, init as unknown as string[]);
    }
  }

  return { fetch: fetchWithJar, WebSocket: WebSocketWithJar, cookies: () => new Map(jar) };
}
