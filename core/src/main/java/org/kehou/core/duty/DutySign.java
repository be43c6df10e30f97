package org.kehou.core.duty;

import java.time.LocalDate;
import java.time.LocalDateTime;

/** A sign-in ({@code signIn}) or sign-out as recorded: when, through which channel, by whom (the admin for another). */
public record DutySign(long offeringId, LocalDate sessionDate, long staffId, boolean signIn, DutyRole role,
    LocalDateTime at, SignChannel channel, long recordedBy) {
}
