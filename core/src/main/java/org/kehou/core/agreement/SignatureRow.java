package org.kehou.core.agreement;

import java.time.LocalDateTime;

/**
 * A signature as the agreement step reads it. Public only because {@link AgreementMapper} is (the withdrawal step reads
 * it): a public mapper's JDK proxy lives outside this package and cannot return package-private types.
 */
public record SignatureRow(
    long id, long guardianId, String guardianName, String openid, String templateVersion, String sha256,
    LocalDateTime signedAt, String body) {
}
