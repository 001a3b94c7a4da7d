// The notes' ListenTCP and Accept server, made complete: a line echo
// server with the limits of examples/sockets/tcp-echo-server.ts.
//
//	GO111MODULE=off go build tcp-server.go
//	./tcp-server -addr 127.0.0.1:7007
package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"log"
	"net"
	"os"
	"time"
)

const (
	maxLineBytes = 1024
	idleTimeout  = 30 * time.Second
)

func main() {
	addr := flag.String("addr", "127.0.0.1:7007", "address to listen on")
	flag.Parse()

	// #region listen
	laddr, err := net.ResolveTCPAddr("tcp", *addr)
	if err != nil {
		log.Fatal(err)
	}
	listener, err := net.ListenTCP("tcp", laddr)
	if err != nil {
		log.Fatal(err)
	}
	log.Println("listening on", listener.Addr())
	for {
		// Accept waits for the next connection; each gets its own
		// goroutine, so one slow client cannot hold up the rest.
		conn, err := listener.AcceptTCP()
		if err != nil {
			log.Println("accept:", err)
			continue
		}
		go echo(conn)
	}
	// #endregion listen
}

// #region echo
func echo(conn *net.TCPConn) {
	defer conn.Close()
	lines := bufio.NewScanner(conn)
	// The Scanner's buffer may grow to this size, and no more.
	lines.Buffer(make([]byte, 0, 256), maxLineBytes+1)
	for {
		// A deadline makes a quiet client's Read fail, in time.
		conn.SetReadDeadline(time.Now().Add(idleTimeout))
		if !lines.Scan() {
			break
		}
		line := append(lines.Bytes(), '\n')
		if _, err := conn.Write(line); err != nil {
			return
		}
	}
	switch err := lines.Err(); {
	case errors.Is(err, bufio.ErrTooLong):
		fmt.Fprintf(conn,
			"error LINE_TOO_LONG: line longer than %d bytes\n", maxLineBytes)
	case errors.Is(err, os.ErrDeadlineExceeded):
		fmt.Fprintf(conn,
			"error IDLE_TIMEOUT: nothing received for %d ms\n",
			idleTimeout.Milliseconds())
	}
	// EOF or not, we write no more: send FIN, as Node's end() does.
	conn.CloseWrite()
}

// #endregion echo
