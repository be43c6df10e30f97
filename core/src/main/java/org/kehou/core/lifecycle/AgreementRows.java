package org.kehou.core.lifecycle;

import java.time.LocalDateTime;
import java.time.LocalTime;

// Rows the agreement step reads; kept together because none is used outside it.

record AgreementParties(String school, String child, String className) {
}

record SeatedOffering(String name, int weekdays, LocalTime startsAt, LocalTime endsAt) {
}

record SignatureRow(
    long id, long guardianId, String guardianName, String openid, String templateVersion, String sha256,
    LocalDateTime signedAt, String body) {
}
