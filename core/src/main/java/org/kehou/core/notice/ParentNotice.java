package org.kehou.core.notice;

import java.time.LocalDateTime;
import java.util.List;

/** A notice as one guardian received it: their number for it ({@code seq}), their children in it, their confirmation. */
public record ParentNotice(long noticeId, long guardianId, int seq, String title, String body, String senderName,
    LocalDateTime sentAt, boolean confirmRequired, LocalDateTime confirmBy, boolean urgent, LocalDateTime confirmedAt,
    List<String> children) {

  public boolean confirmed() {
    return confirmedAt != null;
  }
}
