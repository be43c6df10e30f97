package org.kehou.core.lifecycle;

/** The staff member acting: admins review the whole school, class teachers only their own classes. */
public record Reviewer(long staffId, long schoolId, boolean schoolAdmin) {
}
