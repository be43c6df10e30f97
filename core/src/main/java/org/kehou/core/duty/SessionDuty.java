package org.kehou.core.duty;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

/**
 * One staff member's duty in one session with what they signed: {@code lateSignIn} and {@code earlySignOut} say
 * already while the session runs that it will not count.
 */
public record SessionDuty(LocalDate date, long offeringId, String offering, LocalTime startsAt, LocalTime endsAt,
    long staffId, String staffName, DutyRole role, boolean offeringTeacher, LocalDateTime signedInAt,
    SignChannel signInChannel, LocalDateTime signedOutAt, SignChannel signOutChannel, boolean lateSignIn,
    boolean earlySignOut) {
}
