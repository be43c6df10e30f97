package org.kehou.core.staff;

import java.time.LocalDateTime;

/** One WeChat account a staff member bound, live or ended ({@code endedBy}: staff, admin, deactivated, rebound). */
public record StaffWechatAccount(long id, String openid, LocalDateTime boundAt, LocalDateTime endedAt,
    String endedBy) {

  public boolean live() {
    return endedAt == null;
  }
}
