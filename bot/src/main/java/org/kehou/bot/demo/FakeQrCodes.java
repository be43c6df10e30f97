package org.kehou.bot.demo;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The demo's stand-in for WeChat's memory of parametric QR codes: which scene each ticket's url stands for, until it
 * expires, so the simulator can "scan" a printed slip as a phone would. In memory: the demo forgets it on restart.
 */
@Component
@Profile("demo")
class FakeQrCodes {

  /** What a real url looks like: http://weixin.qq.com/q/ followed by an opaque string. */
  static final String URL_PREFIX = "http://weixin.qq.com/q/02";

  private final SecureRandom random = new SecureRandom();
  private final Map<String, Scene> byUrl = new ConcurrentHashMap<>();

  record Ticket(String ticket, String url) {
  }

  private record Scene(String scene, Instant expiresAt) {
  }

  Ticket create(String scene, long seconds) {
    String id = opaque(16);
    String url = URL_PREFIX + id;
    byUrl.put(url, new Scene(scene, Instant.now().plusSeconds(seconds)));
    return new Ticket("gQ" + opaque(48), url);
  }

  /** The scene of a url this fake handed out and that has not expired. */
  Optional<String> scene(String url) {
    Scene scene = byUrl.get(url.trim());
    return scene == null || scene.expiresAt().isBefore(Instant.now()) ? Optional.empty()
        : Optional.of(scene.scene());
  }

  private String opaque(int bytes) {
    byte[] raw = new byte[bytes];
    random.nextBytes(raw);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
  }
}
