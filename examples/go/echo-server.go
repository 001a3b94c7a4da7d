// The notes' gorilla/websocket echo server, made complete.
//
// Build offline in GOPATH mode (Debian: golang-go and
// golang-github-gorilla-websocket-dev):
//
//	GO111MODULE=off GOPATH=/usr/share/gocode go build echo-server.go
//	./echo-server -addr 127.0.0.1:9001
package main

import (
	"flag"
	"log"
	"net"
	"net/http"

	"github.com/gorilla/websocket"
)

// #region upgrader
// The Upgrader turns an HTTP request into a WebSocket. Its default
// CheckOrigin refuses a browser page from another origin: WebSocket
// is not exempt from the same-origin question, the server answers it.
var upgrader = websocket.Upgrader{
	ReadBufferSize:  1024,
	WriteBufferSize: 1024,
}

// #endregion upgrader

// #region handler
func echo(w http.ResponseWriter, r *http.Request) {
	conn, err := upgrader.Upgrade(w, r, nil)
	if err != nil {
		// Upgrade has already answered the client with an HTTP error.
		log.Println("upgrade:", err)
		return
	}
	defer conn.Close()
	// Limit what one message may cost us, as the TypeScript server does.
	conn.SetReadLimit(64 * 1024)
	for {
		messageType, p, err := conn.ReadMessage()
		if err != nil {
			return
		}
		if err := conn.WriteMessage(messageType, p); err != nil {
			return
		}
	}
}

// #endregion handler

func main() {
	addr := flag.String("addr", "127.0.0.1:9001", "address to listen on")
	flag.Parse()
	http.HandleFunc("/ws/echo", echo)
	// Listening first lets -addr end in :0 and still say the real port.
	listener, err := net.Listen("tcp", *addr)
	if err != nil {
		log.Fatal(err)
	}
	log.Println("listening on", listener.Addr())
	log.Fatal(http.Serve(listener, nil))
}
