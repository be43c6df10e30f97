package org.kehou.core.agreement;

import java.time.LocalDateTime;

/** The exact agreement text an application was offered, archived with its hash. */
public record AgreementDocument(
    long id, long applicationId, String templateVersion, String sha256, String body, LocalDateTime createdAt) {
}
