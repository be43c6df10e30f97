package org.kehou.bot.demo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/** What the bot sent to the fake WeChat API, kept in memory for the simulator page: the demo forgets it on restart. */
@Component
@Profile("demo")
class FakePushes {

  private static final int MAX = 5000;

  private final AtomicLong ids = new AtomicLong();
  private final List<Push> pushes = new ArrayList<>();
  private volatile Map<String, Object> menu;

  record Push(long id, Instant at, String kind, String openid, Map<String, Object> body) {
  }

  synchronized long record(String kind, String openid, Map<String, Object> body) {
    if (pushes.size() >= MAX) {
      pushes.remove(0);
    }
    Push push = new Push(ids.incrementAndGet(), Instant.now(), kind, openid, body);
    pushes.add(push);
    return push.id();
  }

  synchronized List<Push> after(String openid, long afterId) {
    return pushes.stream().filter(p -> p.id() > afterId && openid.equals(p.openid())).toList();
  }

  void menu(Map<String, Object> menu) {
    this.menu = menu;
  }

  Map<String, Object> menu() {
    return menu;
  }
}
