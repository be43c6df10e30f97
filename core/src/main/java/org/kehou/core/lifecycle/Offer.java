package org.kehou.core.lifecycle;

/** A waitlisted choice and whom it concerns. */
record Offer(long choiceId, long applicationId, long schoolId, long studentId, String studentName, String offeringName) {
}
