package org.kehou.core.leave;

/** The staff member recording or reading leave: the school admin reaches every child, others their own classes. */
public record LeaveStaff(long staffId, long schoolId, boolean schoolAdmin) {
}
