package org.kehou.core.outbox;

/** Whom a message is for: a guardian, and the child it is about when there is one. */
public record Recipient(long schoolId, long guardianId, Long studentId) {
}
