// Arith and Clock from examples/grpc/arith.proto, served with gRPC.
// arith-server.go took its contract from Go types; here protoc
// generates the types and the service interfaces from the .proto,
// and this file only fills them in.
//
// #region build
// Build it offline in GOPATH mode from Debian's packages
// (protobuf-compiler, protoc-gen-go, protoc-gen-go-grpc,
// golang-google-grpc-dev, golang-google-protobuf-dev). The .proto's
// go_package, "wirebook/arithpb", is where Go will import the
// generated code from, so generate it under a GOPATH entry of its own:
//
//	mkdir -p /tmp/pb/src
//	protoc -I examples/grpc --go_out=/tmp/pb/src \
//	  --go-grpc_out=/tmp/pb/src examples/grpc/arith.proto
//	GO111MODULE=off GOPATH=/tmp/pb:/usr/share/gocode \
//	  go build examples/go/grpc-arith-server.go
//	./grpc-arith-server -addr 127.0.0.1:50051

// #endregion build

package main

import (
	"context"
	"flag"
	"log"
	"math"
	"net"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
	"wirebook/arithpb"
)

// #region arith
// arith implements arithpb.ArithServer. Embedding the generated
// Unimplemented type answers codes.Unimplemented for any method a
// newer .proto adds before this file does; protoc-gen-go-grpc makes
// the embedding compulsory (require_unimplemented_servers).
type arith struct {
	arithpb.UnimplementedArithServer
}

// Go's int32 multiplication wraps around silently; the contract
// promises an int32, so a product that does not fit is an error.
func (arith) Multiply(
	ctx context.Context, args *arithpb.Args,
) (*arithpb.Product, error) {
	product := int64(args.A) * int64(args.B)
	if product < math.MinInt32 || product > math.MaxInt32 {
		return nil, status.Errorf(codes.OutOfRange,
			"%d × %d overflows int32", args.A, args.B)
	}
	return &arithpb.Product{Value: int32(product)}, nil
}

// A gRPC error is a status: a code from a fixed list the client can
// branch on, and a message for people. net/rpc only had the text.
func (arith) Divide(
	ctx context.Context, args *arithpb.Args,
) (*arithpb.Quotient, error) {
	if args.B == 0 {
		return nil, status.Error(codes.InvalidArgument, "divide by zero")
	}
	return &arithpb.Quotient{Quo: args.A / args.B, Rem: args.A % args.B}, nil
}

// #endregion arith

// #region clock
// #region sleep
// within is the check every Clock argument gets, with the same limits
// and words as the playground's Clock (examples/grpc/services.ts).
func within(field string, value, min, max int32) error {
	if value < min || value > max {
		return status.Errorf(codes.InvalidArgument,
			"%s must be from %d to %d, not %d", field, min, max, value)
	}
	return nil
}

type clock struct {
	arithpb.UnimplementedClockServer
}

// Sleep answers after req.Ms, unless the call's context ends first:
// the client's deadline travels in the grpc-timeout header, and the
// server's ctx expires with it, so no work outlives the caller.
func (clock) Sleep(
	ctx context.Context, req *arithpb.SleepRequest,
) (*arithpb.SleepReply, error) {
	if err := within("ms", req.Ms, 0, 60_000); err != nil {
		return nil, err
	}
	select {
	case <-time.After(time.Duration(req.Ms) * time.Millisecond):
		return &arithpb.SleepReply{Slept: req.Ms}, nil
	case <-ctx.Done():
		log.Printf("Clock.Sleep %d ms: %v", req.Ms, ctx.Err())
		return nil, status.FromContextError(ctx.Err()).Err()
	}
}

// #endregion sleep

// #region ticks
// Ticks sends req.Count messages on one stream, then returns: the
// return is what ends the stream, with the status in the trailers.
func (clock) Ticks(
	req *arithpb.TicksRequest, stream arithpb.Clock_TicksServer,
) error {
	if err := within("every", req.Every, 20, 5_000); err != nil {
		return err
	}
	if err := within("count", req.Count, 1, 100); err != nil {
		return err
	}
	ticker := time.NewTicker(time.Duration(req.Every) * time.Millisecond)
	defer ticker.Stop()
	for n := int32(1); n <= req.Count; n++ {
		select {
		case <-ticker.C:
		case <-stream.Context().Done():
			return status.FromContextError(stream.Context().Err()).Err()
		}
		tick := &arithpb.Tick{N: n, Of: req.Count}
		if err := stream.Send(tick); err != nil {
			return err
		}
	}
	return nil
}

// #endregion ticks
// #endregion clock

// #region serve
func main() {
	addr := flag.String("addr", "127.0.0.1:50051", "address to listen on")
	flag.Parse()
	listener, err := net.Listen("tcp", *addr)
	if err != nil {
		log.Fatal(err)
	}
	// One grpc.Server speaks HTTP/2 on every connection and routes
	// each call by its path, /wirebook.arith.v1.Arith/Multiply.
	server := grpc.NewServer()
	arithpb.RegisterArithServer(server, arith{})
	arithpb.RegisterClockServer(server, clock{})
	log.Println("listening on", listener.Addr())
	log.Fatal(server.Serve(listener))
}

// #endregion serve
