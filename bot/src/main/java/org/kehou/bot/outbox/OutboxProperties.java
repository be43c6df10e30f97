package org.kehou.bot.outbox;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
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
 * @param templates         message kind to its WeChat template; a kind is matched ignoring case and dashes, so the
 *                          environment's {@code KEHOU_OUTBOX_TEMPLATES_AGREEMENTREADY_ID} configures
 *                          {@code agreement-ready}
 * @param preferTemplates   send kinds with a template as template messages even inside the customer-service window
 */
@ConfigurationProperties("kehou.outbox")
record OutboxProperties(
    @DefaultValue("true") boolean dispatcherEnabled,
    @DefaultValue("1s") Duration pollInterval,
    @DefaultValue("20") int batchSize,
    @DefaultValue("2m") Duration lease,
    @DefaultValue("10s") Duration retryBase,
    @DefaultValue("1h") Duration retryMax,
    @DefaultValue("8") int maxAttempts,
    @DefaultValue("32") int concurrency,
    @DefaultValue("200") int maxPerSecond,
    Map<String, Template> templates,
    @DefaultValue("false") boolean preferTemplates) {

  /**
   * @param id     the template id from the account's template library
   * @param fields the template's field keys onto the message's named values: {@code thing1=child, time2=deadline}
   */
  record Template(String id, List<String> fields) {
  }

  OutboxProperties {
    Map<String, Template> byKind = new HashMap<>();
    if (templates != null) {
      templates.forEach((kind, template) -> {
        if (template != null && template.id() != null && !template.id().isBlank()) {
          TemplateSpec.of(kind, template.id(), template.fields());
          byKind.put(normalise(kind), template);
        }
      });
    }
    templates = Map.copyOf(byKind);
    if (concurrency < 1) {
      throw new IllegalArgumentException("kehou.outbox.concurrency must be at least 1");
    }
    if (maxPerSecond < 0) {
      throw new IllegalArgumentException("kehou.outbox.max-per-second must be 0 (no limit) or more");
    }
  }

  Optional<TemplateSpec> template(String kind) {
    return Optional.ofNullable(templates.get(normalise(kind))).map(t -> TemplateSpec.of(kind, t.id(), t.fields()));
  }

  Duration retryDelay(int attemptsSoFar) {
    Duration delay = retryBase.multipliedBy(1L << Math.min(attemptsSoFar, 20));
    return delay.compareTo(retryMax) > 0 ? retryMax : delay;
  }

  /** Environment variables cannot spell a dash, and Spring lower-cases their map keys. */
  static String normalise(String kind) {
    return NOT_ALPHANUMERIC.matcher(kind).replaceAll("").toLowerCase(java.util.Locale.ROOT);
  }

  private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^A-Za-z0-9]");
}
