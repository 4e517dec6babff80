package bot

import (
	"context"
	"net"

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
// the connection; the kernel caps it at net.core.rmem_max.
func gatewayDialer() *websocket.Dialer {
	d := *websocket.DefaultDialer
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
