package org.kehou.core.notice;

import java.time.LocalDateTime;

/**
 * What a staff member asks to send. {@code audienceId} names the grade, class or offering (none for the school);
 * {@code confirmBy} is required with, and only with, {@code confirmRequired}.
 */
public record NoticeDraft(AudienceKind audience, Long audienceId, String title, String body,
    boolean confirmRequired, LocalDateTime confirmBy, boolean urgent) {
}
