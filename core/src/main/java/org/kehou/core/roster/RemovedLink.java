package org.kehou.core.roster;

/**
 * A pupil–guardian link the new roster file no longer has, removed with the access it gave.
 *
 * @param accessEnded the guardian has no child left: their WeChat bindings ended and their live code was revoked
 */
public record RemovedLink(String className, String studentNo, String studentName, long guardianId,
    String guardianName, String relation, boolean accessEnded) {
}
