package org.kehou.core.staff;

import java.time.LocalDateTime;

/** A staff binding code as issued: shown once, only its hash is kept. */
public record StaffCode(String code, LocalDateTime expiresAt) {
}
