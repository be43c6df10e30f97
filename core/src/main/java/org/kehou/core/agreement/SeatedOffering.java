package org.kehou.core.agreement;

import java.time.LocalTime;

/** An offering a child holds a seat in; public only because {@link AgreementMapper} is (see {@link SignatureRow}). */
public record SeatedOffering(String name, int weekdays, LocalTime startsAt, LocalTime endsAt) {
}
