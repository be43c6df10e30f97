package org.kehou.core.duty;

/**
 * A staff member on duty in one session. {@code assignmentId} null: the offering's own teacher, on duty in every
 * session of it as roll call knows them.
 */
public record Duty(long staffId, String staffName, DutyRole role, Long assignmentId) {
}
