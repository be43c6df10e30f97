package org.kehou.core.testing;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * A clock a test sets to the moment it needs (a Wednesday morning, the evening before a cancellation): with
 * {@link Config} imported it is the clock every bean reads. Tests of one context share it, so each sets it first.
 */
public final class SettableClock extends Clock {

  public static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

  private volatile Instant now = Instant.now();

  public void set(LocalDateTime beijingTime) {
    now = beijingTime.atZone(BEIJING).toInstant();
  }

  @Override
  public ZoneId getZone() {
    return BEIJING;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return Clock.fixed(now, zone);
  }

  @Override
  public Instant instant() {
    return now;
  }

  /**
   * For {@code @Import} only. Not a {@code @Configuration}: CoreConfiguration scans all of org.kehou.core, test classes
   * included, and would make this clock every context's.
   */
  public static class Config {

    @Bean
    @Primary
    SettableClock settableClock() {
      return new SettableClock();
    }
  }
}
