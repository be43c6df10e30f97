package org.kehou.core.waitlist;

/**
 * A waitlisted choice and whom it concerns. Public only because {@link SeatMapper} is: a public mapper's JDK proxy lives
 * outside this package and cannot return package-private types.
 */
public record Offer(long choiceId, long applicationId, long schoolId, long studentId, String studentName, String offeringName) {
}
