package org.kehou.bot.outbox;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param dispatcherEnabled whether this instance drains the outbox (every instance may; claims keep them apart)
 * @param pollInterval      pause between drains when the outbox is empty
 * @param batchSize         most rows claimed in one statement (fewer when fewer senders are free)
 * @param lease             how long a claim holds before another instance may take the rows over
 * @param retryBase         first retry delay; doubled at each attempt up to {@code retryMax}
 * @param maxAttempts       attempts before a transiently failing message is given up as FAILED
 * @param concurrency       calls to WeChat in flight at once from this instance (1: one message at a time)
 * @param maxPerSecond      calls to WeChat started per second by this instance, on average, with bursts of a tenth
 *                          of a second's worth (0: no limit)
 * @param templateIds       message kind to WeChat template id; kinds without one go as customer-service text
 */
@ConfigurationProperties("kehou.outbox")
record OutboxProperties(
    @DefaultValue("true") boolean dispatcherEnabled,
    @DefaultValue("2s") Duration pollInterval,
    @DefaultValue("20") int batchSize,
    @DefaultValue("2m") Duration lease,
    @DefaultValue("10s") Duration retryBase,
    @DefaultValue("1h") Duration retryMax,
    @DefaultValue("8") int maxAttempts,
    @DefaultValue("32") int concurrency,
    @DefaultValue("200") int maxPerSecond,
    Map<String, String> templateIds) {

  OutboxProperties {
    templateIds = templateIds == null ? Map.of() : Map.copyOf(templateIds);
    if (concurrency < 1) {
      throw new IllegalArgumentException("kehou.outbox.concurrency must be at least 1");
    }
    if (maxPerSecond < 0) {
      throw new IllegalArgumentException("kehou.outbox.max-per-second must be 0 (no limit) or more");
    }
  }

  Duration retryDelay(int attemptsSoFar) {
    Duration delay = retryBase.multipliedBy(1L << Math.min(attemptsSoFar, 20));
    return delay.compareTo(retryMax) > 0 ? retryMax : delay;
  }
}
