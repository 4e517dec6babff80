package sqlstore

import "testing"

func TestProcessHoldersDiffer(t *testing.T) {
	a, b := ProcessHolder(), ProcessHolder()
	if a == b || goneHere(a) {
		t.Errorf("holders %q and %q: want two different ones, both running", a, b)
	}
}
