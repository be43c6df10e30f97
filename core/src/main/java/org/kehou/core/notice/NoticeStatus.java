package org.kehou.core.notice;

import java.util.List;

/** A notice and, per child, where it stands; the counts are of children. */
public record NoticeStatus(NoticeRow notice, int children, int confirmed, int delivered, int pending, int failed,
    List<ChildStatus> perChild) {
}
