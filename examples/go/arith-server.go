// The Arith service from Go's net/rpc documentation, served with the
// jsonrpc codec over TCP: one connection, one codec, many calls.
//
// Build offline in GOPATH mode (Debian: golang-go):
//
//	GO111MODULE=off GOPATH=/usr/share/gocode go build arith-server.go
//	./arith-server -addr 127.0.0.1:1234
package main

import (
	"errors"
	"flag"
	"log"
	"net"
	"net/rpc"
	"net/rpc/jsonrpc"
)

// #region service
// Args and Quotient are exported, and so are their fields: net/rpc
// decodes into them by reflection and skips what it cannot see.
type Args struct {
	A, B int
}

type Quotient struct {
	Quo, Rem int
}

type Arith int

// Multiply fits the rules: exported, two exported argument types,
// the second a pointer for the reply, and an error result.
func (t *Arith) Multiply(args *Args, reply *int) error {
	*reply = args.A * args.B
	return nil
}

func (t *Arith) Divide(args *Args, quo *Quotient) error {
	if args.B == 0 {
		return errors.New("divide by zero")
	}
	quo.Quo = args.A / args.B
	quo.Rem = args.A % args.B
	return nil
}

// describe is unexported, so Register skips it: not callable.
func (t *Arith) describe() string {
	return "Arith: Multiply and Divide"
}

// #endregion service

// #region serve
func main() {
	addr := flag.String("addr", "127.0.0.1:1234", "address to listen on")
	flag.Parse()
	// Register exposes "Arith.Multiply" and "Arith.Divide".
	if err := rpc.Register(new(Arith)); err != nil {
		log.Fatal(err)
	}
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
		// The codec is the only difference from gob's rpc.ServeConn:
		// the same server speaks JSON on this connection.
		go jsonrpc.ServeConn(conn)
	}
}

// #endregion serve
