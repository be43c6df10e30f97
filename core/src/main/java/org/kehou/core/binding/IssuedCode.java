package org.kehou.core.binding;

import java.time.LocalDateTime;

/** A code reissued for one guardian, handed to the admin who asked for it and to no sheet. */
public record IssuedCode(String code, LocalDateTime expiresAt) {
}
