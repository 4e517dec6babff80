package bot

import "testing"

// The larger buffer is asked for only where the kernel grants it in full;
// elsewhere the dialer is discordgo's default, which leaves autotuning on.
func TestGatewayDialer(t *testing.T) {
	if d := gatewayDialer(208 << 10); d.NetDialContext != nil {
		t.Error("with rmem_max 208 KiB the dialer sets a buffer")
	}
	if d := gatewayDialer(0); d.NetDialContext != nil {
		t.Error("with rmem_max unknown the dialer sets a buffer")
	}
	if d := gatewayDialer(gatewayReadBuffer); d.NetDialContext == nil {
		t.Error("with rmem_max 4 MiB the dialer sets no buffer")
	}
}
