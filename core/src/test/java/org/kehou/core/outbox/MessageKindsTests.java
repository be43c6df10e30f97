package org.kehou.core.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class MessageKindsTests {

  @Test
  void aListedKindQueuedWithoutItsValuesIsRefusedByName() {
    assertThatThrownBy(() -> MessageKinds.check("agreement-ready", Map.of("child", "王小明")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("title").hasMessageContaining("deadline");
    assertThatThrownBy(() -> MessageKinds.check("agreement-lapsed", null))
        .hasMessageContaining("[child]");
  }

  @Test
  void aListedKindWithItsValuesPasses() {
    assertThatCode(() -> MessageKinds.check("waitlist-expired", Map.of("child", "王小明", "offering", "围棋")))
        .doesNotThrowAnyException();
    assertThat(MessageKinds.all()).containsKeys("agreement-ready", "agreement-reminder", "ended-by-school");
  }
}
