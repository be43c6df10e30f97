package org.kehou.core.agreement;

import java.time.LocalDateTime;

/**
 * A signature as an admin re-checks it: the archived text, the hash stored at signing, the hash of the text now, and
 * whether they still match.
 */
public record SignedAgreement(
    long signatureId, long guardianId, String guardianName, String templateVersion, String storedSha256,
    String recomputedSha256, boolean matches, LocalDateTime signedAt, String text) {
}
