import { describe, expect, it } from "vitest";
import { clientAddressFrom, trustedProxyHops } from "./client-address";
import { runInRequestContext } from "./request-context";

const forged = (xff: string | null, realIp: string | null = null) => {
  const headers = new Headers();
  if (xff !== null) headers.set("x-forwarded-for", xff);
  if (realIp !== null) headers.set("x-real-ip", realIp);
  return headers;
};

const asPeer = <T>(peer: string, fn: () => T) => runInRequestContext({ requestId: "t", peer }, fn);

describe("clientAddressFrom", () => {
  it("with no trusted proxy, is the socket's peer whatever the headers say", () => {
    asPeer("203.0.113.9", () => {
      expect(clientAddressFrom(forged(null), 0)).toBe("203.0.113.9");
      for (const xff of ["1.2.3.4", "1.2.3.4, 5.6.7.8", "10.0.0.1,10.0.0.2,10.0.0.3", "garbage"]) {
        expect(clientAddressFrom(forged(xff, "9.9.9.9"), 0)).toBe("203.0.113.9");
      }
    });
  });

  it("normalises an IPv4 peer on a dual-stack socket", () => {
    asPeer("::ffff:127.0.0.1", () => expect(clientAddressFrom(forged("6.6.6.6"), 0)).toBe("127.0.0.1"));
  });

  it("without a server context and no trusted proxy, is unknown rather than a header's word", () => {
    expect(clientAddressFrom(forged("1.2.3.4", "5.6.7.8"), 0)).toBeNull();
  });

  it("behind one proxy, is the entry that proxy appended (the last)", () => {
    asPeer("10.0.0.1", () => {
      expect(clientAddressFrom(forged("198.51.100.7"), 1)).toBe("198.51.100.7");
      // A client's own X-Forwarded-For is kept by the proxy, which appends the real address after it.
      expect(clientAddressFrom(forged("1.2.3.4, 198.51.100.7"), 1)).toBe("198.51.100.7");
    });
  });

  it("behind two proxies, is the second entry from the right", () => {
    asPeer("10.0.0.2", () => {
      expect(clientAddressFrom(forged("1.2.3.4, 198.51.100.7, 10.0.0.1"), 2)).toBe("198.51.100.7");
      expect(clientAddressFrom(forged("198.51.100.7, 10.0.0.1"), 2)).toBe("198.51.100.7");
      // Fewer entries than proxies: the leftmost.
      expect(clientAddressFrom(forged("198.51.100.7"), 2)).toBe("198.51.100.7");
    });
  });

  it("takes only an IP address from the header", () => {
    expect(clientAddressFrom(forged("' OR 1=1 --"), 1)).toBeNull();
    expect(clientAddressFrom(forged("2001:db8::1"), 1)).toBe("2001:db8::1");
  });

  it("behind a proxy but reached directly (no header), is the peer", () => {
    asPeer("10.0.0.5", () => expect(clientAddressFrom(forged(null), 1)).toBe("10.0.0.5"));
  });

  it("reads TRUST_PROXY_HOPS, default 0, and refuses nonsense", () => {
    expect(trustedProxyHops({})).toBe(0);
    expect(trustedProxyHops({ TRUST_PROXY_HOPS: "2" })).toBe(2);
    expect(() => trustedProxyHops({ TRUST_PROXY_HOPS: "-1" })).toThrow(/TRUST_PROXY_HOPS/);
    expect(() => trustedProxyHops({ TRUST_PROXY_HOPS: "yes" })).toThrow(/TRUST_PROXY_HOPS/);
  });
});
