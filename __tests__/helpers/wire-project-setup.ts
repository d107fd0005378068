// The behaviour suite through the wire adapters: every call runs the SDK's whole stack (and, for the
// server, a loopback socket), so a test of a thousand calls takes longer than jest's default 5 s.
jest.setTimeout(30_000);
