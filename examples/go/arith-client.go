// A Go jsonrpc client for Arith: it calls whatever server speaks Go's
// JSON-RPC codec at -addr, the Go server in arith-server.go or the
// TypeScript playground's RPC_GO_PORT, and prints what comes back.
// With -http it calls arith-server -http in gob over HTTP instead.
//
// #region build
// Build it offline in GOPATH mode (Debian: golang-go), then point it
// at the playground's RPC_GO_PORT:
//
//	GO111MODULE=off GOPATH=/usr/share/gocode go build arith-client.go
//	./arith-client -addr 127.0.0.1:8302

// #endregion build

package main

import (
	"flag"
	"fmt"
	"log"
	"net/rpc"
	"net/rpc/jsonrpc"
)

type Args struct {
	A, B int
}

type Quotient struct {
	Quo, Rem int
}

// #region dial
// dial connects in JSON over TCP, or with -http in gob over HTTP:
// CONNECT /_goRPC_, then the gob stream on the same connection.
func dial(addr string, overHTTP bool) (*rpc.Client, error) {
	if overHTTP {
		return rpc.DialHTTP("tcp", addr)
	}
	return jsonrpc.Dial("tcp", addr)
}

// #endregion dial

// #region calls
func main() {
	addr := flag.String("addr", "127.0.0.1:8302", "server address")
	overHTTP := flag.Bool("http", false, "call in gob over HTTP")
	flag.Parse()
	client, err := dial(*addr, *overHTTP)
	if err != nil {
		log.Fatal("dial: ", err)
	}
	defer client.Close()

	var product int
	err = client.Call("Arith.Multiply", Args{7, 8}, &product)
	fmt.Printf("Arith.Multiply 7 8: %d %v\n", product, err)

	var quo Quotient
	err = client.Call("Arith.Divide", Args{17, 5}, &quo)
	fmt.Printf("Arith.Divide 17 5: %+v %v\n", quo, err)

	// The error comes back as text, as Go errors travel.
	err = client.Call("Arith.Divide", Args{1, 0}, &quo)
	fmt.Printf("Arith.Divide 1 0: error %q\n", err)

	// Go (start) calls concurrently over one connection.
	div := client.Go("Arith.Divide", Args{-7, 2}, new(Quotient), nil)
	mul := client.Go("Arith.Multiply", Args{-3, 4}, new(int), nil)
	<-div.Done
	<-mul.Done
	fmt.Printf("Arith.Divide -7 2: %+v\n", *div.Reply.(*Quotient))
	fmt.Printf("Arith.Multiply -3 4: %d\n", *mul.Reply.(*int))
}

// #endregion calls
