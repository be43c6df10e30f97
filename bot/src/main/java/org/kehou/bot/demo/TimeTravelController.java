package org.kehou.bot.demo;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Map;
import org.kehou.core.lifecycle.LifecycleTicker;
import org.springframework.context.annotation.Profile;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The demo's only shortcut past the admin API: a publicity window lasts days, so the simulator can end the running
 * windows of the chosen parent's children now and run the lifecycle step the clustered job would run later. Every
 * review, publicity and withdrawal step of the school goes through the staff console and the real admin API; this one
 * only moves time.
 */
@RestController
@Profile("demo")
class TimeTravelController {

  private final DemoMapper mapper;
  private final LifecycleTicker ticker;
  private final Clock clock;

  TimeTravelController(DemoMapper mapper, LifecycleTicker ticker, Clock clock) {
    this.mapper = mapper;
    this.ticker = ticker;
    this.clock = clock;
  }

  @PostMapping("/demo/api/time-travel/guardians/{id}/end-publicity")
  Map<String, Object> endPublicityNow(@PathVariable long id) {
    int ended = mapper.endPublicity(id, LocalDateTime.now(clock).minusSeconds(1));
    ticker.tick();
    return Map.of("ended", ended);
  }
}
