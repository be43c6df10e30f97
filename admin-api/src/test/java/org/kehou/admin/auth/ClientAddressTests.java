package org.kehou.admin.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class ClientAddressTests {

  final ClientAddress address = new ClientAddress(new AuthProperties(Duration.ofHours(8), 5, Duration.ofMinutes(15),
      Duration.ofMinutes(1), Duration.ofMinutes(15), List.of("10.0.0.1", "10.0.0.2")));

  @Test
  void theConnectionsAddressCountsUnlessItIsATrustedProxy() {
    assertThat(address.of(request("203.0.113.9", "198.51.100.1"))).isEqualTo("203.0.113.9");
    assertThat(address.of(request("203.0.113.9", null))).isEqualTo("203.0.113.9");
    assertThat(address.of(request("10.0.0.1", null))).isEqualTo("10.0.0.1");
  }

  @Test
  void behindTrustedProxiesTheRightMostAddressTheyDidNotWriteThemselvesCounts() {
    assertThat(address.of(request("10.0.0.1", "198.51.100.1"))).isEqualTo("198.51.100.1");
    assertThat(address.of(request("10.0.0.1", "1.2.3.4, 198.51.100.1"))).isEqualTo("198.51.100.1");
    assertThat(address.of(request("10.0.0.1", "spoofed, 198.51.100.1, 10.0.0.2"))).isEqualTo("198.51.100.1");
    assertThat(address.of(request("10.0.0.1", " , 10.0.0.2"))).isEqualTo("10.0.0.1");
    assertThat(address.of(request("10.0.0.1", "x".repeat(100)))).isEqualTo("10.0.0.1");
  }

  private static MockHttpServletRequest request(String remote, String forwardedFor) {
    MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/auth/login");
    request.setRemoteAddr(remote);
    if (forwardedFor != null) {
      request.addHeader("X-Forwarded-For", forwardedFor);
    }
    return request;
  }
}
