package org.kehou.admin.notice;

import java.time.LocalDateTime;
import org.kehou.core.notice.AudienceKind;
import org.kehou.core.notice.NoticeDraft;

/**
 * {@code audience}: SCHOOL, GRADE, CLASS, CLASS_SERVICE (the class's after-school pupils) or OFFERING, with
 * {@code audienceId} naming the grade, class or offering; {@code confirmBy} (Beijing time) with, and only with,
 * {@code confirmRequired}.
 */
record ParentNoticeRequest(AudienceKind audience, Long audienceId, String title, String body,
    Boolean confirmRequired, LocalDateTime confirmBy, Boolean urgent) {

  NoticeDraft draft() {
    return new NoticeDraft(audience, audienceId, title, body, Boolean.TRUE.equals(confirmRequired), confirmBy,
        Boolean.TRUE.equals(urgent));
  }
}
