// The notes' DialTCP client, made complete: it writes two lines to a
// TCP echo server, half-closes, and prints the echoes until EOF.
//
//	GO111MODULE=off go build tcp-client.go
//	./tcp-client -addr 127.0.0.1:7007
package main

import (
	"bufio"
	"flag"
	"fmt"
	"log"
	"net"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:7007", "the echo server")
	flag.Parse()

	// #region dial
	raddr, err := net.ResolveTCPAddr("tcp", *addr)
	if err != nil {
		log.Fatal(err)
	}
	// A nil laddr lets the OS pick our address and port.
	conn, err := net.DialTCP("tcp", nil, raddr)
	if err != nil {
		// "dial tcp 127.0.0.1:7007: connect: connection refused"
		log.Fatal(err)
	}
	defer conn.Close()
	fmt.Println("connected from", conn.LocalAddr(),
		"to", conn.RemoteAddr())
	// #endregion dial

	// #region write
	lines := []string{"hello, tcp\n", "bytes in, bytes out\n"}
	for _, line := range lines {
		if _, err := conn.Write([]byte(line)); err != nil {
			log.Fatal(err)
		}
	}
	// CloseWrite sends FIN: we write no more, but can still read.
	if err := conn.CloseWrite(); err != nil {
		log.Fatal(err)
	}
	// #endregion write

	// #region read
	// Read returns what has arrived, which is not a line; a Scanner
	// finds the lines in the stream of bytes.
	scanner := bufio.NewScanner(conn)
	for scanner.Scan() {
		fmt.Printf("received %q\n", scanner.Text())
	}
	if err := scanner.Err(); err != nil {
		// "read tcp …: connection reset by peer", for one.
		log.Fatal(err)
	}
	fmt.Println("EOF: the server closed its side")
	// #endregion read
}
