package org.kehou.bot.binding;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param enabled      whether this instance creates the QR codes of binding slips (every instance may; claims keep
 *                     them apart)
 * @param pollInterval pause between looks for QR codes asked for
 * @param batchSize    most rows claimed in one statement
 * @param lease        how long a claim holds before another instance may take the row over; one WeChat call (5 s
 *                     connect, 5 s read) must fit in it many times over
 * @param retryBase    first delay after a WeChat error, doubled per attempt up to {@code retryMax}
 * @param maxAttempts  attempts before a slip is printed without a QR code
 */
@ConfigurationProperties("kehou.binding-slips")
record SlipQrProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("2s") Duration pollInterval,
    @DefaultValue("20") int batchSize,
    @DefaultValue("2m") Duration lease,
    @DefaultValue("10s") Duration retryBase,
    @DefaultValue("10m") Duration retryMax,
    @DefaultValue("6") int maxAttempts) {

  Duration retryDelay(int attemptsSoFar) {
    Duration delay = retryBase.multipliedBy(1L << Math.min(attemptsSoFar, 20));
    return delay.compareTo(retryMax) > 0 ? retryMax : delay;
  }
}
