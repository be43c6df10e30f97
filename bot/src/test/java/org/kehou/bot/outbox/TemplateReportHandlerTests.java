package org.kehou.bot.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.kehou.core.outbox.DeliveryStatus;

class TemplateReportHandlerTests {

  @Test
  void wechatsThreeWordingsMapToTheirOutcomes() {
    assertThat(TemplateReportHandler.status("success")).isEqualTo(DeliveryStatus.DELIVERED);
    assertThat(TemplateReportHandler.status("failed:user block")).isEqualTo(DeliveryStatus.USER_BLOCKED);
    assertThat(TemplateReportHandler.status("failed: system failed")).isEqualTo(DeliveryStatus.SYSTEM_FAILED);
  }
}
