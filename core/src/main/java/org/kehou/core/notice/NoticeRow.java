package org.kehou.core.notice;

import java.time.LocalDateTime;

/** A notice as sent: who sent it to whom, what it says and what it asks. */
public record NoticeRow(long id, long schoolId, long senderId, String senderName, AudienceKind audienceKind,
    Long audienceId, String audienceName, String title, String body, boolean confirmRequired,
    LocalDateTime confirmBy, boolean urgent, LocalDateTime createdAt, LocalDateTime remindedAt,
    LocalDateTime escalatedAt) {
}
