// Arith's arguments as net/rpc's default codec writes them: gob.
//
// Writes Args{A: 7, B: 8} and then Args{A: 1, B: 0} to standard
// output with one gob.Encoder, as one connection would carry them.
// The type is described once, before the first value; the zero B of
// the second value is not sent at all. The tests run this program
// and keep its bytes in examples/rpc/gob-args-bytes.json for the page.
//
//	GO111MODULE=off GOPATH=/usr/share/gocode go run gob-args.go | xxd
package main

import (
	"encoding/gob"
	"log"
	"os"
)

// #region encode
type Args struct {
	A, B int
}

func main() {
	enc := gob.NewEncoder(os.Stdout)
	for _, args := range []Args{{A: 7, B: 8}, {A: 1, B: 0}} {
		if err := enc.Encode(args); err != nil {
			log.Fatal(err)
		}
	}
}

// #endregion encode
