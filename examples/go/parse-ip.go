// The notes' net.IP and net.ParseIP, made into a complete program:
// it reads one address a line and prints what Go makes of it.
//
//	GO111MODULE=off go build parse-ip.go
//	printf '127.0.0.1\n2001:db8::1\nnope\n' | ./parse-ip
//
// Each output line is the 16 bytes in hex (or "nil"), the 4 bytes
// of To4 (or "nil"), and String(), separated by spaces. The tests
// feed it the same inputs as examples/sockets/ip.ts and compare.
package main

import (
	"bufio"
	"encoding/hex"
	"fmt"
	"net"
	"os"
)

// #region parse
func describe(text string) string {
	// ParseIP returns nil for anything that is not an address, and
	// 16 bytes for IPv4 and IPv6 alike.
	ip := net.ParseIP(text)
	if ip == nil {
		return "nil nil <nil>"
	}
	// To4 gives the last 4 bytes of an IPv4-mapped address, or nil.
	v4 := "nil"
	if four := ip.To4(); four != nil {
		v4 = hex.EncodeToString(four)
	}
	return fmt.Sprintf("%s %s %s", hex.EncodeToString(ip), v4, ip)
}

// #endregion parse

func main() {
	lines := bufio.NewScanner(os.Stdin)
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	for lines.Scan() {
		fmt.Fprintln(out, describe(lines.Text()))
	}
}
