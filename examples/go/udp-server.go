// The notes' UDP server ("like TCP, without Accept"), made complete:
// a datagram echo server with the limit of
// examples/sockets/udp-echo-server.ts.
//
//	GO111MODULE=off go build udp-server.go
//	./udp-server -addr 127.0.0.1:7007
package main

import (
	"flag"
	"fmt"
	"log"
	"net"
)

const maxDatagramBytes = 1024

func main() {
	addr := flag.String("addr", "127.0.0.1:7007", "address to listen on")
	flag.Parse()

	// #region listen
	laddr, err := net.ResolveUDPAddr("udp", *addr)
	if err != nil {
		log.Fatal(err)
	}
	// No Listen-then-Accept: one socket serves every peer.
	conn, err := net.ListenUDP("udp", laddr)
	if err != nil {
		log.Fatal(err)
	}
	log.Println("listening on", conn.LocalAddr())
	// #endregion listen

	// #region echo
	// Large enough for any datagram, so none is cut short.
	buf := make([]byte, 65535)
	for {
		// One ReadFromUDP is one whole datagram, and who sent it.
		n, peer, err := conn.ReadFromUDP(buf)
		if err != nil {
			log.Println("read:", err)
			continue
		}
		reply := buf[:n]
		if n > maxDatagramBytes {
			reply = []byte(fmt.Sprintf("error DATAGRAM_TOO_LARGE: "+
				"%d bytes is over the limit of %d; nothing echoed",
				n, maxDatagramBytes))
		}
		if _, err := conn.WriteToUDP(reply, peer); err != nil {
			log.Println("write:", err)
		}
	}
	// #endregion echo
}
