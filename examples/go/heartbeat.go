// A gorilla/websocket echo server with a heartbeat: the Go side of
// docs/websocket/control-frames. The notes leave "Control Messages"
// empty; this is what goes there.
//
// Build offline in GOPATH mode (Debian: golang-go and
// golang-github-gorilla-websocket-dev):
//
//	GO111MODULE=off GOPATH=/usr/share/gocode go build heartbeat.go
//	./heartbeat -addr 127.0.0.1:9003 -ping 30s
package main

import (
	"flag"
	"log"
	"net"
	"net/http"
	"time"

	"github.com/gorilla/websocket"
)

var upgrader = websocket.Upgrader{}

// #region deadline
// serve echoes messages while a second goroutine pings every period.
// A peer that has sent nothing, not even a pong, for two periods
// makes ReadMessage fail with a timeout, and the deferred Close drops
// the TCP connection without a close frame.
func serve(conn *websocket.Conn, period time.Duration) {
	defer conn.Close()
	alive := func() error {
		return conn.SetReadDeadline(time.Now().Add(2 * period))
	}
	alive()
	// The pong handler runs inside ReadMessage: control frames are
	// only handled while someone reads the connection.
	conn.SetPongHandler(func(string) error { return alive() })
	// #endregion deadline

	// #region pinger
	done := make(chan struct{})
	defer close(done)
	go func() {
		ticker := time.NewTicker(period)
		defer ticker.Stop()
		for {
			select {
			case <-ticker.C:
				// WriteControl may run beside the one writer below.
				deadline := time.Now().Add(time.Second)
				err := conn.WriteControl(
					websocket.PingMessage, nil, deadline)
				if err != nil {
					return
				}
			case <-done:
				return
			}
		}
	}()
	// #endregion pinger

	for {
		messageType, p, err := conn.ReadMessage()
		if err != nil {
			return
		}
		alive()
		if err := conn.WriteMessage(messageType, p); err != nil {
			return
		}
	}
}

func main() {
	addr := flag.String("addr", "127.0.0.1:9003", "where to listen")
	period := flag.Duration("ping", 30*time.Second, "how often to ping")
	flag.Parse()
	http.HandleFunc("/ws/echo", func(w http.ResponseWriter,
		r *http.Request) {
		conn, err := upgrader.Upgrade(w, r, nil)
		if err != nil {
			log.Println("upgrade:", err)
			return
		}
		serve(conn, *period)
	})
	listener, err := net.Listen("tcp", *addr)
	if err != nil {
		log.Fatal(err)
	}
	log.Println("listening on", listener.Addr())
	log.Fatal(http.Serve(listener, nil))
}
