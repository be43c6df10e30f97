package org.kehou.core.staff;

/** A WeChat account just bound to this staff account through a staff code. */
public record StaffWechatBound(long staffId, String displayName) {
}
