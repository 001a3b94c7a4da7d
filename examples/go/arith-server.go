// The Arith service from Go's net/rpc documentation, served with the
// jsonrpc codec over TCP: one connection, one codec, many calls. With
// -http it serves gob over HTTP instead, as the documentation does.
//
// Build offline in GOPATH mode (Debian: golang-go):
//
//	GO111MODULE=off GOPATH=/usr/share/gocode go build arith-server.go
//	./arith-server -addr 127.0.0.1:1234
//	./arith-server -addr 127.0.0.1:1234 -http
package main

import (
	"errors"
	"flag"
	"log"
	"net"
	"net/http"
	"net/rpc"
	"net/rpc/jsonrpc"
)

// #region service
// #region types
// Args and Quotient are exported, and so are their fields: net/rpc
// decodes into them by reflection and skips what it cannot see.
type Args struct {
	A, B int
}

type Quotient struct {
	Quo, Rem int
}

type Arith int

// #endregion types

// #region methods
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

// #endregion methods
// #endregion service

// #region serve
func main() {
	addr := flag.String("addr", "127.0.0.1:1234", "address to listen on")
	overHTTP := flag.Bool("http", false, "serve gob over HTTP")
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
	if *overHTTP {
		serveHTTP(listener)
	}
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

// #region http
// serveHTTP serves the same Arith in gob, over HTTP. HandleHTTP puts
// rpc.DefaultServer at /_goRPC_ (and a debug page at /debug/rpc) on
// http.DefaultServeMux, which http.Serve then answers with.
func serveHTTP(listener net.Listener) {
	rpc.HandleHTTP()
	log.Fatal(http.Serve(listener, nil))
}

// #endregion http
