// The smallest TCP echo server in Go, beside
// examples/sockets/tcp-echo-basic.ts: every byte comes back.
//
//	GO111MODULE=off go build tcp-echo-basic.go
//	./tcp-echo-basic -addr 127.0.0.1:7008
package main

import (
	"flag"
	"io"
	"log"
	"net"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:7008", "address to listen on")
	flag.Parse()

	// #region server
	listener, err := net.Listen("tcp", *addr)
	if err != nil {
		log.Fatal(err)
	}
	log.Println("listening on", listener.Addr())
	for {
		conn, err := listener.Accept()
		if err != nil {
			log.Fatal(err)
		}
		// One goroutine per connection: copy what it reads back to
		// it until EOF (the client's FIN) or an error, then close.
		go func() {
			io.Copy(conn, conn)
			conn.Close()
		}()
	}
	// #endregion server
}
