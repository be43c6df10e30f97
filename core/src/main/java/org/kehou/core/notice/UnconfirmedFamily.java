package org.kehou.core.notice;

/** A guardian to call about a child nobody has confirmed the notice for. {@code delivery} is in Chinese. */
public record UnconfirmedFamily(String className, String studentName, String guardianName, String relation,
    String phone, String delivery) {
}
