package org.kehou.bot.outbox;

import java.util.List;
import org.kehou.core.outbox.MessageKinds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The message kinds with no template id reach a parent only within 48 hours of the parent's last message to the
 * account. Operators see them in the start-up log and as the {@code outboxTemplates} health detail, which only the
 * {@code /actuator/health/templates} group shows (it names kinds, nothing else).
 */
@Component("outboxTemplatesHealthIndicator")
class MissingTemplates implements HealthIndicator {

  private static final Logger log = LoggerFactory.getLogger(MissingTemplates.class);

  private final List<String> missing;

  MissingTemplates(OutboxProperties properties) {
    this.missing = MessageKinds.all().keySet().stream().filter(kind -> properties.template(kind).isEmpty()).toList();
  }

  List<String> kinds() {
    return missing;
  }

  @EventListener(ApplicationReadyEvent.class)
  void report() {
    if (missing.isEmpty()) {
      log.info("Every message kind has a WeChat template");
    } else {
      log.warn("Message kinds with no WeChat template (customer-service text only, which WeChat refuses 48 hours "
          + "after a parent's last message): {}", String.join(", ", missing));
    }
  }

  @Override
  public Health health() {
    return Health.up().withDetail("kindsWithoutTemplate", missing).build();
  }
}
