// The notes' streaming echo loop with gorilla/websocket, made
// complete: each message is read through an io.Reader and written
// through an io.WriteCloser of the same type, so text stays text.
//
// Build offline in GOPATH mode (Debian: golang-go and
// golang-github-gorilla-websocket-dev):
//
//	GO111MODULE=off GOPATH=/usr/share/gocode go build stream-echo.go
//	./stream-echo -addr 127.0.0.1:9002
package main

import (
	"flag"
	"io"
	"log"
	"net"
	"net/http"

	"github.com/gorilla/websocket"
)

var upgrader = websocket.Upgrader{
	ReadBufferSize:  1024,
	WriteBufferSize: 1024,
}

// #region loop
// copyMessages echoes until the connection fails or closes. Only
// this goroutine reads and only this one writes: gorilla allows one
// reader and one writer at a time.
func copyMessages(conn *websocket.Conn) error {
	for {
		// NextReader returns the next message's type and a reader
		// over its payload, frame by frame as the frames arrive.
		messageType, r, err := conn.NextReader()
		if err != nil {
			return err
		}
		// NextWriter starts one message of that type; Close ends it.
		w, err := conn.NextWriter(messageType)
		if err != nil {
			return err
		}
		if _, err := io.Copy(w, r); err != nil {
			return err
		}
		if err := w.Close(); err != nil {
			return err
		}
	}
}

// #endregion loop

func handler(w http.ResponseWriter, r *http.Request) {
	conn, err := upgrader.Upgrade(w, r, nil)
	if err != nil {
		log.Println("upgrade:", err)
		return
	}
	defer conn.Close()
	conn.SetReadLimit(64 * 1024)
	// A close from the peer ends the loop with a *CloseError; gorilla
	// has already answered the close frame by then.
	if err := copyMessages(conn); err != nil {
		if _, closed := err.(*websocket.CloseError); !closed {
			log.Println("copy:", err)
		}
	}
}

func main() {
	addr := flag.String("addr", "127.0.0.1:9002", "where to listen")
	flag.Parse()
	http.HandleFunc("/ws/stream-echo", handler)
	listener, err := net.Listen("tcp", *addr)
	if err != nil {
		log.Fatal(err)
	}
	log.Println("listening on", listener.Addr())
	log.Fatal(http.Serve(listener, nil))
}
