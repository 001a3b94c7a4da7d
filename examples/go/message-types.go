// The notes' two kinds of data message, with gorilla/websocket: a
// client sends one TextMessage and one BinaryMessage to an echo
// server and prints the type of each reply.
//
// Build offline in GOPATH mode (Debian: golang-go and
// golang-github-gorilla-websocket-dev):
//
//	GO111MODULE=off GOPATH=/usr/share/gocode go build message-types.go
//	./message-types -url ws://127.0.0.1:8080/ws/echo
package main

import (
	"encoding/hex"
	"flag"
	"fmt"
	"log"

	"github.com/gorilla/websocket"
)

// #region types
// TextMessage (1) must be UTF-8; BinaryMessage (2) may be any bytes.
// They are the frame opcodes 0x1 and 0x2 of RFC 6455.
var names = map[int]string{
	websocket.TextMessage:   "TextMessage",
	websocket.BinaryMessage: "BinaryMessage",
}

func show(messageType int, p []byte) string {
	if messageType == websocket.TextMessage {
		return fmt.Sprintf("%q", string(p))
	}
	return hex.EncodeToString(p)
}

// #endregion types

func main() {
	url := flag.String("url", "ws://127.0.0.1:8080/ws/echo", "echo URL")
	flag.Parse()
	conn, _, err := websocket.DefaultDialer.Dial(*url, nil)
	if err != nil {
		log.Fatal(err)
	}
	defer conn.Close()

	// #region send
	messages := []struct {
		messageType int
		data        []byte
	}{
		{websocket.TextMessage, []byte("héllo")},
		{websocket.BinaryMessage, []byte{0xca, 0xfe}},
	}
	for _, m := range messages {
		if err := conn.WriteMessage(m.messageType, m.data); err != nil {
			log.Fatal(err)
		}
		messageType, p, err := conn.ReadMessage()
		if err != nil {
			log.Fatal(err)
		}
		fmt.Printf("sent %s, received %s %s\n", names[m.messageType],
			names[messageType], show(messageType, p))
	}
	// #endregion send

	bye := websocket.FormatCloseMessage(websocket.CloseNormalClosure,
		"done")
	err = conn.WriteMessage(websocket.CloseMessage, bye)
	if err != nil {
		log.Fatal(err)
	}
}
