// A gorilla/websocket client over wss: TLS first, verified against
// the playground's own certificate, then the WebSocket inside it.
//
// The playground's certificate is self-signed, so no authority in the
// system's pool vouches for it. This client trusts exactly that one
// certificate (RootCAs), fetched beforehand, and still checks its name
// and dates; it never sets InsecureSkipVerify, which would accept any
// certificate, an attacker's too.
//
//	curl -o playground.pem http://127.0.0.1:8080/tls/certificate.pem
//	GO111MODULE=off GOPATH=/usr/share/gocode go build wss-client.go
//	./wss-client -url wss://localhost:8443/ws/echo -ca playground.pem
package main

import (
	"crypto/tls"
	"crypto/x509"
	"flag"
	"fmt"
	"log"
	"net/url"
	"os"
	"time"

	"github.com/gorilla/websocket"
)

func main() {
	target := flag.String("url", "wss://localhost:8443/ws/echo", "where")
	caFile := flag.String("ca", "", "a PEM certificate to trust; "+
		"without it, only the system's authorities")
	flag.Parse()

	// #region trust
	// A nil pool means the system's; a pool of our own trusts only
	// what is added to it.
	var roots *x509.CertPool
	if *caFile != "" {
		pem, err := os.ReadFile(*caFile)
		if err != nil {
			log.Fatal("ca: ", err)
		}
		roots = x509.NewCertPool()
		if !roots.AppendCertsFromPEM(pem) {
			log.Fatal("ca: no PEM certificate in ", *caFile)
		}
	}
	dialer := websocket.Dialer{
		HandshakeTimeout: 5 * time.Second,
		TLSClientConfig: &tls.Config{
			RootCAs:    roots,
			MinVersion: tls.VersionTLS12,
		},
	}
	// #endregion trust

	// #region dial
	conn, response, err := dialer.Dial(*target, nil)
	if err != nil {
		log.Fatal("dial: ", err)
	}
	defer conn.Close()
	fmt.Println("connected:", response.Status)
	// The TLS connection under the WebSocket, as the handshake left it.
	state := conn.UnderlyingConn().(*tls.Conn).ConnectionState()
	fmt.Println("tls:", versions[state.Version],
		tls.CipherSuiteName(state.CipherSuite))
	// Verified: signed by a root we trust, in date, and for the name
	// dialled (sent as SNI, unless it is an IP address).
	leaf := state.PeerCertificates[0]
	dialled, _ := url.Parse(*target)
	fmt.Println("verified:", leaf.Subject, "for", dialled.Hostname())
	// #endregion dial

	if err := conn.WriteMessage(websocket.TextMessage, []byte("hello over wss")); err != nil {
		log.Fatal("write: ", err)
	}
	conn.SetReadDeadline(time.Now().Add(5 * time.Second))
	_, echo, err := conn.ReadMessage()
	if err != nil {
		log.Fatal("read: ", err)
	}
	fmt.Printf("echo %q\n", echo)
	bye := websocket.FormatCloseMessage(websocket.CloseNormalClosure, "done")
	conn.WriteControl(websocket.CloseMessage, bye, time.Now().Add(time.Second))
}

// versions names TLS versions (tls.VersionName is Go 1.20's).
var versions = map[uint16]string{
	tls.VersionTLS12: "TLS 1.2",
	tls.VersionTLS13: "TLS 1.3",
}
