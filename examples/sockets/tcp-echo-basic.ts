// The smallest TCP echo server: every byte a client sends comes back.
//
// It is the TCP page's first program, and a script you can run:
//
//	node examples/sockets/tcp-echo-basic.ts        (port 7008)
//	node examples/sockets/tcp-echo-basic.ts 9000   (or another)
//
// It has none of the hardening of tcp-echo-server.ts; the page shows
// what goes wrong without each piece. Go's version is
// examples/go/tcp-echo-basic.go.

// #region server
import { type AddressInfo, createServer } from 'node:net';

// Called once for each connection the kernel accepts.
const server = createServer((socket) => {
  // Each read arrives as a 'data' event: write the same bytes back.
  socket.on('data', (chunk) => socket.write(chunk));
});
server.listen(Number(process.argv[2] ?? 7008), '127.0.0.1', () => {
  const { address, port } = server.address() as AddressInfo;
  console.log(`listening on ${address}:${port}`);
});
// #endregion server
