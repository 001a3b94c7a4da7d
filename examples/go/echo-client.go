// A gorilla/websocket client for the echo servers: it dials, pings,
// sends text and binary, prints the echoes and closes properly.
//
// Build offline in GOPATH mode (Debian: golang-go and
// golang-github-gorilla-websocket-dev), then point it at an echo:
//
//	GO111MODULE=off GOPATH=/usr/share/gocode go build echo-client.go
//	./echo-client -url ws://127.0.0.1:8080/ws/raw-echo
package main

import (
	"errors"
	"flag"
	"fmt"
	"log"
	"strings"
	"time"

	"github.com/gorilla/websocket"
)

func main() {
	url := flag.String("url", "ws://127.0.0.1:8080/ws/echo", "where")
	flag.Parse()

	// #region dial
	// A Dialer is the client's Upgrader. Its write buffer bounds a
	// frame: a message longer than 256 bytes goes out in fragments.
	dialer := websocket.Dialer{
		WriteBufferSize:  256,
		HandshakeTimeout: 5 * time.Second,
	}
	conn, response, err := dialer.Dial(*url, nil)
	if err != nil {
		log.Fatal("dial: ", err)
	}
	defer conn.Close()
	fmt.Println("connected:", response.Status)
	// #endregion dial

	// #region messages
	// A pong is not a message: ReadMessage hands it to this handler
	// while it waits for the next message.
	conn.SetPongHandler(func(data string) error {
		fmt.Printf("pong %q\n", data)
		return nil
	})
	deadline := time.Now().Add(5 * time.Second)
	ping := []byte("still there?")
	err = conn.WriteControl(websocket.PingMessage, ping, deadline)
	if err != nil {
		log.Fatal("ping: ", err)
	}
	long := []byte(strings.Repeat("fragment ", 100))
	messages := []struct {
		kind int
		data []byte
	}{
		{websocket.TextMessage, []byte("hello, wire")},
		{websocket.BinaryMessage, []byte{0xca, 0xfe, 0xba, 0xbe}},
		{websocket.TextMessage, long},
	}
	for _, m := range messages {
		if err := conn.WriteMessage(m.kind, m.data); err != nil {
			log.Fatal("write: ", err)
		}
	}
	conn.SetReadDeadline(deadline)
	for range messages {
		kind, data, err := conn.ReadMessage()
		if err != nil {
			log.Fatal("read: ", err)
		}
		fmt.Println(describe(kind, data))
	}
	// #endregion messages

	// #region close
	// The closing handshake: send a close frame, then read until the
	// server's answer comes back as a *CloseError.
	normal := websocket.CloseNormalClosure
	bye := websocket.FormatCloseMessage(normal, "done")
	err = conn.WriteControl(websocket.CloseMessage, bye, deadline)
	if err != nil {
		log.Fatal("close: ", err)
	}
	_, _, err = conn.ReadMessage()
	var closed *websocket.CloseError
	if !errors.As(err, &closed) {
		log.Fatal("expected the server's close frame, got ", err)
	}
	fmt.Println("closed with code", closed.Code, closed.Text)
	// #endregion close
}

// describe prints a message's type and its payload, long text cut.
func describe(kind int, data []byte) string {
	if kind == websocket.BinaryMessage {
		return fmt.Sprintf("binary % x", data)
	}
	if len(data) > 27 {
		return fmt.Sprintf("text %q… (%d)", data[:27], len(data))
	}
	return fmt.Sprintf("text %q", data)
}
