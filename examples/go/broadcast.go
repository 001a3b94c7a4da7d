// A broadcast server with gorilla/websocket, in the shape of
// gorilla's own chat example: the concurrency rule made concrete.
// Every message a client sends goes to every client.
//
// gorilla allows one goroutine reading a connection and one writing
// it. So each client gets a reader goroutine (readPump), a writer
// goroutine (writePump), and between the hub and the writer a buffered
// channel: the client's send queue, bounded.
//
// Build offline in GOPATH mode (Debian: golang-go and
// golang-github-gorilla-websocket-dev):
//
//	GO111MODULE=off GOPATH=/usr/share/gocode go build broadcast.go
//	./broadcast -addr 127.0.0.1:9004
package main

import (
	"flag"
	"log"
	"net"
	"net/http"
	"sync"
	"time"

	"github.com/gorilla/websocket"
)

var upgrader = websocket.Upgrader{}

// #region hub
type client struct {
	conn *websocket.Conn
	// send is this client's queue: at most 16 messages wait in it.
	send chan []byte
}

type hub struct {
	mu      sync.Mutex
	clients map[*client]bool
}

// broadcast queues a message for every client. A client whose queue
// is full is too slow: it is dropped, not waited for, so one stalled
// reader never holds up the others.
func (h *hub) broadcast(message []byte) {
	h.mu.Lock()
	defer h.mu.Unlock()
	for c := range h.clients {
		select {
		case c.send <- message:
		default:
			h.drop(c)
		}
	}
}

// drop ends a client's queue, once; its writePump then says goodbye.
// The caller holds h.mu.
func (h *hub) drop(c *client) {
	if h.clients[c] {
		delete(h.clients, c)
		close(c.send)
	}
}

// #endregion hub

// #region write-pump
// writePump is the connection's one writer.
func (c *client) writePump() {
	defer c.conn.Close()
	for message := range c.send {
		c.conn.SetWriteDeadline(time.Now().Add(10 * time.Second))
		err := c.conn.WriteMessage(websocket.TextMessage, message)
		if err != nil {
			return
		}
	}
	// The queue was closed: the client fell behind, or left. If it
	// left, gorilla has answered its close frame or the connection is
	// gone, and this write fails harmlessly.
	goodbye := websocket.FormatCloseMessage(
		websocket.CloseTryAgainLater, "too slow: send queue full")
	c.conn.WriteControl(websocket.CloseMessage, goodbye,
		time.Now().Add(time.Second))
}

// #endregion write-pump

// #region read-pump
// readPump is the connection's one reader.
func (c *client) readPump(h *hub) {
	defer func() {
		h.mu.Lock()
		h.drop(c)
		h.mu.Unlock()
	}()
	c.conn.SetReadLimit(64 * 1024)
	for {
		_, message, err := c.conn.ReadMessage()
		if err != nil {
			return
		}
		h.broadcast(message)
	}
}

// #endregion read-pump

func main() {
	addr := flag.String("addr", "127.0.0.1:9004", "where to listen")
	flag.Parse()
	h := &hub{clients: map[*client]bool{}}
	http.HandleFunc("/ws/broadcast", func(w http.ResponseWriter,
		r *http.Request) {
		conn, err := upgrader.Upgrade(w, r, nil)
		if err != nil {
			log.Println("upgrade:", err)
			return
		}
		c := &client{conn: conn, send: make(chan []byte, 16)}
		h.mu.Lock()
		h.clients[c] = true
		h.mu.Unlock()
		go c.writePump()
		go c.readPump(h)
	})
	listener, err := net.Listen("tcp", *addr)
	if err != nil {
		log.Fatal(err)
	}
	log.Println("listening on", listener.Addr())
	log.Fatal(http.Serve(listener, nil))
}
