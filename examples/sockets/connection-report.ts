// What the playground can see of a connection: the two ends of the
// TCP socket under an HTTP request, and the descriptors it holds.
//
// A socket is a file descriptor: a small number the kernel gives a
// process, in the same table as its open files and pipes. A TCP
// connection is named by both of its ends, (address, port) here and
// (address, port) there, plus the protocol. GET /sockets/connection
// answers with this report for the connection that asked.

import { readdirSync, readlinkSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';

/** One end of a connection. */
export interface Endpoint {
  address: string;
  port: number;
  family: string;
}

/** Open descriptors of the playground process, by kind. */
export interface Descriptors {
  total: number;
  sockets: number;
  files: number;
  pipes: number;
  other: number;
}

/** What GET /sockets/connection answers. */
export interface ConnectionReport {
  protocol: string;
  /** Your end, as the playground sees it. */
  remote: Endpoint;
  /** The playground's end. */
  local: Endpoint;
  descriptors: Descriptors | 'unknown';
}

// #region report
/** The connection under an HTTP request, as the server sees it. */
export function reportConnection(req: IncomingMessage): ConnectionReport {
  // req.socket is the net.Socket that Go would call a *TCPConn;
  // RemoteAddr and LocalAddr are these properties.
  const socket = req.socket;
  return {
    protocol: `HTTP/${req.httpVersion} over TCP`,
    remote: {
      address: socket.remoteAddress ?? 'gone',
      port: socket.remotePort ?? 0,
      family: socket.remoteFamily ?? 'unknown',
    },
    local: {
      address: socket.localAddress ?? 'gone',
      port: socket.localPort ?? 0,
      family: socket.localFamily ?? 'unknown',
    },
    descriptors: countDescriptors(),
  };
}
// #endregion report

// #region descriptors
/** This process's open descriptors, from Linux's /proc/self/fd. */
export function countDescriptors(
  dir = '/proc/self/fd',
): Descriptors | 'unknown' {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    // Not Linux, or no /proc: say so rather than guess.
    return 'unknown';
  }
  const count = { total: 0, sockets: 0, files: 0, pipes: 0, other: 0 };
  for (const fd of names) {
    let target: string;
    try {
      // Each entry is a link: "socket:[1234]", "pipe:[56]", a path.
      target = readlinkSync(`${dir}/${fd}`);
    } catch {
      // The descriptor readdir itself used is already closed.
      continue;
    }
    count.total++;
    if (target.startsWith('socket:')) count.sockets++;
    else if (target.startsWith('pipe:')) count.pipes++;
    else if (target.startsWith('/')) count.files++;
    else count.other++;
  }
  return count;
}
// #endregion descriptors
