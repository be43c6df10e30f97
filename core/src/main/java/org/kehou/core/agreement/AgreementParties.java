package org.kehou.core.agreement;

/** Who an agreement names; public only because {@link AgreementMapper} is (see {@link SignatureRow}). */
public record AgreementParties(String school, String child, String className) {
}
