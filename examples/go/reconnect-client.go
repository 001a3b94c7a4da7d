// A reconnecting reader in Go, the counterpart of
// examples/websocket/reconnecting-client.ts. gorilla/websocket dials
// once and has no reconnect of its own, so the loop is ours: full
// jitter backoff, close codes that say stop, and resuming after the
// last seq with ?since=.
//
// Build offline in GOPATH mode (Debian: golang-go and
// golang-github-gorilla-websocket-dev), then read nine counts from a
// connection that drops after every third:
//
//	GO111MODULE=off GOPATH=/usr/share/gocode go build reconnect-client.go
//	./reconnect-client -url 'ws://127.0.0.1:8080/ws/flaky?after=3' -want 9
package main

import (
	"errors"
	"flag"
	"fmt"
	"math/rand"
	"os"
	"strings"
	"time"

	"github.com/gorilla/websocket"
)

const (
	base    = 100 * time.Millisecond
	ceiling = 2 * time.Second
	healthy = 5 * time.Second
)

// #region backoff
// fullJitter draws a wait from 0 to min(ceiling, base·2^attempt).
func fullJitter(attempt int, random *rand.Rand) time.Duration {
	most := ceiling
	if attempt < 16 && base<<attempt < ceiling {
		most = base << attempt
	}
	return time.Duration(random.Int63n(int64(most) + 1))
}

// hopeless is true for close codes that blame this client, and for
// the application's own 4000–4999: coming back would not help.
func hopeless(code int) bool {
	switch code {
	case websocket.CloseProtocolError, websocket.CloseUnsupportedData,
		websocket.CloseInvalidFramePayloadData,
		websocket.ClosePolicyViolation, websocket.CloseMessageTooBig,
		websocket.CloseMandatoryExtension:
		return true
	}
	return code >= 4000 && code <= 4999
}

// #endregion backoff

func main() {
	url := flag.String("url", "ws://127.0.0.1:8080/ws/flaky?after=3", "where")
	want := flag.Int64("want", 9, "how many counts to read")
	flag.Parse()
	random := rand.New(rand.NewSource(time.Now().UnixNano()))

	// #region loop
	var since int64
	attempt := 0
	for since < *want {
		target := *url
		if since > 0 {
			target += fmt.Sprintf("&since=%d", since)
		}
		fmt.Println("connecting to", target[strings.Index(target, "/ws/"):])
		opened, before := time.Now(), since
		code, err := read(target, &since, *want)
		if since >= *want {
			break
		}
		if code == 0 || hopeless(code) {
			fmt.Printf("%v: not coming back\n", err)
			os.Exit(1)
		}
		said := fmt.Sprintf("closed with %d after %d messages", code, since-before)
		if time.Since(opened) >= healthy {
			attempt = 0
		}
		wait := fullJitter(attempt, random)
		attempt++
		fmt.Printf("%s; retrying in %d ms\n", said, wait.Milliseconds())
		time.Sleep(wait)
	}
	fmt.Printf("got 1 to %d\n", since)
	// #endregion loop
}

// #region read
// read prints the counts after *since until the connection ends
// or *since reaches want. It returns the close code: 1006 when the
// connection dropped or could not be made, 0 when the server
// refused it.
func read(target string, since *int64, want int64) (int, error) {
	conn, response, err := websocket.DefaultDialer.Dial(target, nil)
	if err != nil {
		// Unlike a page, a Go client sees why it was refused: too
		// many sockets (429) or a server in trouble (5xx) may pass.
		status := 0
		if response != nil {
			status = response.StatusCode
		}
		if status != 0 && status != 429 && status < 500 {
			return 0, fmt.Errorf("refused with %s", response.Status)
		}
		return websocket.CloseAbnormalClosure, err
	}
	defer conn.Close()
	for *since < want {
		var message struct{ Seq int64 }
		if err := conn.ReadJSON(&message); err != nil {
			var closed *websocket.CloseError
			if errors.As(err, &closed) {
				return closed.Code, closed
			}
			// A reset rather than an end: the same drop.
			return websocket.CloseAbnormalClosure, err
		}
		if message.Seq <= *since {
			continue // had it already
		}
		*since = message.Seq
		fmt.Println("count", message.Seq)
	}
	bye := websocket.FormatCloseMessage(websocket.CloseNormalClosure, "")
	conn.WriteControl(websocket.CloseMessage, bye, time.Now().Add(time.Second))
	return websocket.CloseNormalClosure, nil
}

// #endregion read
