package org.kehou.core.lifecycle;

import java.time.LocalDateTime;

/** A line in a staff member's inbox in the admin API (class teachers are not reached through WeChat). */
public record StaffNotice(long id, String kind, String body, LocalDateTime createdAt, LocalDateTime readAt) {
}
