package org.kehou.core.notice;

import java.util.Map;
import org.kehou.core.text.Texts;

/**
 * How far a notice's message got to one guardian, from their outbox rows (one per bound WeChat account; the best one
 * counts). Reasons are WeChat's error codes and delivery reports, said in Chinese for the teacher.
 */
record Delivery(Level level, String state, Integer errorCode, String deliveryStatus) {

  enum Level { NONE, FAILED, PENDING, REACHED }

  static final Delivery NONE = new Delivery(Level.NONE, null, null, null);

  static Delivery of(NoticeMapper.DeliveryRow row) {
    Level level = switch (row.state()) {
      case "SENT" -> "USER_BLOCKED".equals(row.deliveryStatus()) || "SYSTEM_FAILED".equals(row.deliveryStatus())
          ? Level.FAILED : Level.REACHED;
      case "PENDING", "SENDING" -> Level.PENDING;
      default -> Level.FAILED;
    };
    return new Delivery(level, row.state(), row.lastErrorCode(), row.deliveryStatus());
  }

  static Delivery best(Delivery a, Delivery b) {
    return a.level.compareTo(b.level) >= 0 ? a : b;
  }

  boolean reached() {
    return level == Level.REACHED;
  }

  boolean pending() {
    return level == Level.PENDING;
  }

  String describe(Texts texts) {
    return switch (level) {
      case REACHED -> texts.message("parentNotice.staff.delivered");
      case PENDING -> texts.message("parentNotice.staff.pending");
      case NONE -> texts.message("parentNotice.failure.notSent");
      case FAILED -> failure(texts);
    };
  }

  private String failure(Texts texts) {
    if ("NO_RECIPIENT".equals(state)) {
      return texts.message("parentNotice.failure.noWechat");
    }
    if ("CANCELLED".equals(state)) {
      return texts.message("parentNotice.failure.cancelled");
    }
    if (deliveryStatus != null) {
      return texts.message("parentNotice.failure." + deliveryStatus);
    }
    String byCode = "parentNotice.failure.code." + errorCode;
    return errorCode != null && texts.has(byCode) ? texts.message(byCode)
        : texts.message("parentNotice.failure.other", Map.of("code", String.valueOf(errorCode)));
  }
}
