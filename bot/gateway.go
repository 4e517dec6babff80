package bot

import (
	"context"
	"net"
	"os"
	"strconv"
	"strings"

	"github.com/gorilla/websocket"
)

// gatewayReadBuffer is the gateway socket's receive buffer. Events come in
// bursts (200 interactions at once in BenchmarkAsk200), and while the CPU
// is busy answering, discordgo's one reading goroutine falls behind: with
// the kernel's starting buffer the window closed, the kernel pruned the
// queue, and the burst stalled for TCP's 200 ms retransmission timeout
// (TCPToZeroWindowAdv and PruneCalled in /proc/net/netstat).
const gatewayReadBuffer = 4 << 20

// gatewayDialer is websocket.DefaultDialer with a larger receive buffer on
// the connection, where the kernel allows one that large. Setting it turns
// Linux's autotuning off, and the kernel caps it at net.core.rmem_max
// (208 KiB on many systems), below what autotuning reaches: there the
// buffer is left to the kernel.
func gatewayDialer(maxBuffer int) *websocket.Dialer {
	d := *websocket.DefaultDialer
	if maxBuffer < gatewayReadBuffer {
		return &d
	}
	d.NetDialContext = func(ctx context.Context, network, addr string) (net.Conn, error) {
		c, err := new(net.Dialer).DialContext(ctx, network, addr)
		if err != nil {
			return nil, err
		}
		if tc, ok := c.(*net.TCPConn); ok {
			// Best effort: a smaller buffer only means more stalls.
			_ = tc.SetReadBuffer(gatewayReadBuffer)
		}
		return c, nil
	}
	return &d
}

// rmemMax is the largest receive buffer the kernel grants, read from
// /proc/sys/net/core/rmem_max; 0 where it cannot be read (not Linux).
func rmemMax() int {
	b, err := os.ReadFile("/proc/sys/net/core/rmem_max")
	if err != nil {
		return 0
	}
	n, _ := strconv.Atoi(strings.TrimSpace(string(b)))
	return n
}
