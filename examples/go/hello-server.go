// The smallest HTTP server in Go: net/http's counterpart of
// examples/rest/hello-server.ts. A handler is a function of a
// ResponseWriter and a Request; the server reads each request and
// calls it, on a goroutine of its own.
//
//	go run hello-server.go -addr 127.0.0.1:8080
package main

import (
	"flag"
	"fmt"
	"log"
	"net"
	"net/http"
)

// #region handler
// hello answers every request, whatever it asks for, with a line of
// text. Go sets Content-Length itself for a body this short.
func hello(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	fmt.Fprintf(w, "Hello! You sent %s %s\n", r.Method, r.RequestURI)
}

// #endregion handler

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "where to listen")
	flag.Parse()
	// #region listen
	// http.ListenAndServe(*addr, http.HandlerFunc(hello)) does the
	// same in one line; listening first lets port 0 say which it got.
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("listening on %s\n", ln.Addr())
	log.Fatal(http.Serve(ln, http.HandlerFunc(hello)))
	// #endregion listen
}
