// A UDP client in Go, the counterpart of
// examples/sockets/udp-client.ts: two datagrams and one over the
// server's limit, then up to three answers, each awaited for a
// bounded time because UDP may lose them.
//
//	GO111MODULE=off go build udp-client.go
//	./udp-client -addr 127.0.0.1:7007 -max 1024
package main

import (
	"errors"
	"flag"
	"fmt"
	"log"
	"net"
	"os"
	"time"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:7007", "the echo server")
	max := flag.Int("max", 1024, "the server's largest datagram")
	flag.Parse()

	// #region dial
	raddr, err := net.ResolveUDPAddr("udp", *addr)
	if err != nil {
		log.Fatal(err)
	}
	// DialUDP sends nothing: it fixes the peer for Write and Read.
	conn, err := net.DialUDP("udp", nil, raddr)
	if err != nil {
		log.Fatal(err)
	}
	defer conn.Close()
	// #endregion dial

	// #region exchange
	texts := []string{"hello, udp", "each datagram arrives whole"}
	for _, text := range texts {
		conn.Write([]byte(text))
	}
	conn.Write(make([]byte, *max+1))
	conn.SetReadDeadline(time.Now().Add(2 * time.Second))
	buf := make([]byte, 65535)
	for i := 0; i < 3; i++ {
		// One Read is one datagram, never two, never half of one.
		n, err := conn.Read(buf)
		if errors.Is(err, os.ErrDeadlineExceeded) {
			fmt.Printf("%d of 3 answers lost\n", 3-i)
			return
		} else if err != nil {
			log.Fatal(err)
		}
		fmt.Printf("received %q\n", buf[:n])
	}
	// #endregion exchange
}
