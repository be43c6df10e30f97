package org.kehou.core.notice;

/** A notice with its live counts: families are guardian accounts, a child counts as confirmed once any of its
 * guardians confirmed. */
public record NoticeSummary(NoticeRow notice, int children, int confirmedChildren, int families,
    int confirmedFamilies) {
}
