package org.kehou.admin.auth;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The address a login comes from, for throttling. It is the connection's own address, unless that is one of the
 * configured trusted proxies: then the right-most X-Forwarded-For entry that is not itself a trusted proxy, which is
 * the one a trusted proxy wrote (whatever a client puts in the header itself stands to the left of it).
 */
@Component
class ClientAddress {

  /** Longer than any IPv6 address in text; anything longer is not an address a proxy wrote. */
  private static final int MAX_LENGTH = 64;

  private final Set<String> trustedProxies;

  ClientAddress(AuthProperties properties) {
    this.trustedProxies = Set.copyOf(properties.trustedProxies());
  }

  String of(HttpServletRequest request) {
    String remote = request.getRemoteAddr();
    String forwarded = request.getHeader("X-Forwarded-For");
    if (!trustedProxies.contains(remote) || forwarded == null) {
      return remote;
    }
    String[] hops = forwarded.split(",");
    for (int i = hops.length - 1; i >= 0; i--) {
      String hop = hops[i].strip();
      if (!hop.isEmpty() && !trustedProxies.contains(hop)) {
        return hop.length() <= MAX_LENGTH ? hop : remote;
      }
    }
    return remote;
  }
}
