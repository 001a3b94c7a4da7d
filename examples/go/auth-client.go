// A gorilla/websocket client for the authentication page's endpoints.
// A Go program is not a browser: it may put any header on the
// handshake, so it can send the session cookie itself, and when a
// handshake is refused it reads the status and body a page never sees.
//
//	GO111MODULE=off GOPATH=/usr/share/gocode go build auth-client.go
//	./auth-client -base http://127.0.0.1:8080
package main

import (
	"crypto/rand"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"net/http"
	"strings"

	"github.com/gorilla/websocket"
)

func main() {
	base := flag.String("base", "http://127.0.0.1:8080", "the playground")
	flag.Parse()
	ws := "ws" + strings.TrimPrefix(*base, "http")
	token := newToken()

	// #region cookie
	// Log in over HTTP, then hand the cookie to the handshake: in Go
	// it is a header like any other, in requestHeader.
	login := post(*base+"/ws-auth/session", token)
	login.Body.Close()
	session := login.Cookies()[0]
	header := http.Header{"Cookie": {session.Name + "=" + session.Value}}
	talk(ws+"/ws/auth/cookie", header)
	// #endregion cookie

	// #region ticket
	var answer struct{ Ticket string }
	ticketed := post(*base+"/ws-auth/ticket", token)
	err := json.NewDecoder(ticketed.Body).Decode(&answer)
	ticketed.Body.Close()
	if err != nil {
		log.Fatal("ticket: ", err)
	}
	url := ws + "/ws/auth/ticket?ticket=" + answer.Ticket
	talk(url, nil)
	// Again: refused. Dial returns ErrBadHandshake with the response.
	_, refused, err := websocket.DefaultDialer.Dial(url, nil)
	if !errors.Is(err, websocket.ErrBadHandshake) {
		log.Fatal("expected a refusal, got ", err)
	}
	body, _ := io.ReadAll(refused.Body)
	fmt.Printf("again: %s, %s", refused.Status, body)
	// #endregion ticket
}

// talk opens a WebSocket, says hello, and prints the answer.
func talk(url string, header http.Header) {
	conn, _, err := websocket.DefaultDialer.Dial(url, header)
	if err != nil {
		log.Fatal("dial: ", err)
	}
	defer conn.Close()
	if err := conn.WriteMessage(websocket.TextMessage, []byte("hello")); err != nil {
		log.Fatal("write: ", err)
	}
	_, data, err := conn.ReadMessage()
	if err != nil {
		log.Fatal("read: ", err)
	}
	fmt.Println(string(data))
}

// post sends a POST with the bearer token and insists on 201.
func post(url, token string) *http.Response {
	request, _ := http.NewRequest(http.MethodPost, url, nil)
	request.Header.Set("Authorization", "Bearer "+token)
	response, err := http.DefaultClient.Do(request)
	if err != nil {
		log.Fatal("post: ", err)
	}
	if response.StatusCode != http.StatusCreated {
		log.Fatal("post: ", response.Status)
	}
	return response
}

// newToken makes a random token, as the pages' crypto.randomUUID().
func newToken() string {
	bytes := make([]byte, 16)
	if _, err := rand.Read(bytes); err != nil {
		log.Fatal(err)
	}
	return fmt.Sprintf("%x", bytes)
}
