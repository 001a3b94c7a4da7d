// A Go gRPC client for Arith and Clock (examples/grpc/arith.proto):
// it calls whatever serves that contract over gRPC at -addr, the Go
// server in grpc-arith-server.go or the playground's GRPC_PORT, and
// prints what comes back.
//
// #region build
// Generate arithpb as for grpc-arith-server.go, then build and point
// it at the playground's GRPC_PORT:
//
//	GO111MODULE=off GOPATH=/tmp/pb:/usr/share/gocode \
//	  go build examples/go/grpc-arith-client.go
//	./grpc-arith-client -addr 127.0.0.1:8303

// #endregion build

package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/status"
	"wirebook/arithpb"
)

// #region dial
// dial makes a ClientConn: a channel that connects when the first
// call needs it and reconnects when the connection drops, so nothing
// is dialled yet. Plaintext HTTP/2 has to be asked for: without
// credentials, Dial refuses. Current grpc-go (1.63 and later) spells
// this grpc.NewClient(addr, grpc.WithTransportCredentials(
// insecure.NewCredentials())) and deprecates Dial and WithInsecure;
// Debian's 1.33 has neither NewClient nor the insecure package.
func dial(addr string) (*grpc.ClientConn, error) {
	return grpc.Dial(addr, grpc.WithInsecure())
}

// #endregion dial

// #region calls
func main() {
	addr := flag.String("addr", "127.0.0.1:8303", "server address")
	flag.Parse()
	conn, err := dial(*addr)
	if err != nil {
		log.Fatal("dial: ", err)
	}
	defer conn.Close()
	arith := arithpb.NewArithClient(conn)
	clock := arithpb.NewClockClient(conn)
	// Every call takes a context: its deadline and its cancellation
	// travel to the server with the call.
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()

	product, err := arith.Multiply(ctx, &arithpb.Args{A: 7, B: 8})
	if err != nil {
		log.Fatal("Arith.Multiply: ", err)
	}
	fmt.Printf("Arith.Multiply 7 8: %d\n", product.Value)

	quo, err := arith.Divide(ctx, &arithpb.Args{A: 17, B: 5})
	if err != nil {
		log.Fatal("Arith.Divide: ", err)
	}
	fmt.Printf("Arith.Divide 17 5: quo %d rem %d\n", quo.Quo, quo.Rem)
	// #endregion calls

	// #region status
	// The error is a status: status.Code and status.Convert read its
	// code and message back out of the error the call returned.
	_, err = arith.Divide(ctx, &arithpb.Args{A: 1, B: 0})
	st := status.Convert(err)
	fmt.Printf("Arith.Divide 1 0: %v %q\n", st.Code(), st.Message())
	// #endregion status

	// #region deadline
	// A deadline shorter than the work: the call ends with
	// DeadlineExceeded when it runs out, whatever the server is doing.
	short, cancelShort := context.WithTimeout(ctx, 100*time.Millisecond)
	defer cancelShort()
	start := time.Now()
	_, err = clock.Sleep(short, &arithpb.SleepRequest{Ms: 2000})
	fmt.Printf("Clock.Sleep 2000 ms, deadline 100 ms: %v after %d ms\n",
		status.Code(err), time.Since(start).Milliseconds())
	// #endregion deadline

	// #region stream
	// A server stream: one request, then Recv until io.EOF, which
	// means the server ended the stream with status OK.
	req := &arithpb.TicksRequest{Every: 50, Count: 3}
	ticks, err := clock.Ticks(ctx, req)
	if err != nil {
		log.Fatal("Clock.Ticks: ", err)
	}
	for {
		tick, err := ticks.Recv()
		if errors.Is(err, io.EOF) {
			fmt.Println("Clock.Ticks: end of stream")
			break
		}
		if err != nil {
			log.Fatal("Clock.Ticks: ", err)
		}
		fmt.Printf("Clock.Ticks: tick %d of %d\n", tick.N, tick.Of)
	}
	// #endregion stream
}
