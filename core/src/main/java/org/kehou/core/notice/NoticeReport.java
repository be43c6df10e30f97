package org.kehou.core.notice;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.kehou.core.staff.Staff;
import org.kehou.core.text.Texts;
import org.springframework.stereotype.Service;

/**
 * What the sender (and the school admin) sees of a notice: who confirmed, who it reached, who it failed and why. The
 * unconfirmed families' phone numbers go only to those who may call them: the admin, the class teacher for their own
 * classes, and an offering's teacher for the offering they sent to.
 */
@Service
public class NoticeReport {

  private static final int LIST_LIMIT = 50;

  private final NoticeMapper mapper;
  private final Texts texts;

  NoticeReport(NoticeMapper mapper, Texts texts) {
    this.mapper = mapper;
    this.texts = texts;
  }

  /** The admin: the school's latest notices; anyone else: the ones they sent. */
  public List<NoticeSummary> list(Staff me) {
    List<NoticeRow> notices = mapper.notices(me.schoolId(), me.isAdmin() ? null : me.id(), LIST_LIMIT);
    if (notices.isEmpty()) {
      return List.of();
    }
    Map<Long, NoticeMapper.Counts> counts = mapper.counts(notices.stream().map(NoticeRow::id).toList()).stream()
        .collect(Collectors.toMap(NoticeMapper.Counts::noticeId, Function.identity()));
    return notices.stream().map(n -> {
      NoticeMapper.Counts c = counts.get(n.id());
      return new NoticeSummary(n, c.children(), c.confirmedChildren(), c.families(), c.confirmedFamilies());
    }).toList();
  }

  public NoticeStatus status(Staff me, long noticeId) {
    NoticeRow notice = visible(me, noticeId);
    Map<Long, Delivery> deliveries = deliveries(noticeId);
    Map<Long, List<ChildRow>> byChild = mapper.children(noticeId).stream()
        .collect(Collectors.groupingBy(ChildRow::studentId, LinkedHashMap::new, Collectors.toList()));
    List<ChildStatus> perChild = new ArrayList<>();
    int[] tally = new int[ChildStatus.State.values().length];
    byChild.values().forEach(rows -> {
      ChildStatus status = childStatus(rows, deliveries);
      tally[status.state().ordinal()]++;
      perChild.add(status);
    });
    return new NoticeStatus(notice, perChild.size(), tally[ChildStatus.State.CONFIRMED.ordinal()],
        tally[ChildStatus.State.DELIVERED.ordinal()], tally[ChildStatus.State.PENDING.ordinal()],
        tally[ChildStatus.State.FAILED.ordinal()], perChild);
  }

  /** The guardians of every child nobody confirmed for, within the caller's reach (see the class comment). */
  public List<UnconfirmedFamily> unconfirmed(Staff me, long noticeId) {
    NoticeRow notice = visible(me, noticeId);
    boolean wholeAudience = me.isAdmin() || notice.audienceKind() == AudienceKind.OFFERING
        && notice.senderId() == me.id();
    Map<Long, Delivery> deliveries = deliveries(noticeId);
    List<UnconfirmedFamily> families = new ArrayList<>();
    mapper.children(noticeId).stream()
        .collect(Collectors.groupingBy(ChildRow::studentId, LinkedHashMap::new, Collectors.toList()))
        .values().stream()
        .filter(rows -> rows.stream().noneMatch(r -> r.confirmedAt() != null))
        .filter(rows -> wholeAudience || rows.get(0).classTeacherId() != null
            && rows.get(0).classTeacherId() == me.id())
        .forEach(rows -> rows.forEach(r -> families.add(new UnconfirmedFamily(r.className(), r.studentName(),
            r.guardianName(), r.relation() == null ? "" : r.relation(), r.phone(),
            deliveries.getOrDefault(r.guardianId(), Delivery.NONE).describe(texts)))));
    return families;
  }

  private NoticeRow visible(Staff me, long noticeId) {
    NoticeRow notice = mapper.notice(noticeId).filter(n -> n.schoolId() == me.schoolId())
        .orElseThrow(() -> new NoticeRefused(NoticeRefused.Kind.NOT_FOUND, "parentNotice.notFound", Map.of()));
    if (!me.isAdmin() && notice.senderId() != me.id()) {
      throw new NoticeRefused(NoticeRefused.Kind.FORBIDDEN, "parentNotice.forbidden.notice", Map.of());
    }
    return notice;
  }

  private ChildStatus childStatus(List<ChildRow> rows, Map<Long, Delivery> deliveries) {
    ChildRow first = rows.get(0);
    ChildRow confirmer = rows.stream().filter(r -> r.confirmedAt() != null)
        .min((a, b) -> a.confirmedAt().compareTo(b.confirmedAt())).orElse(null);
    if (confirmer != null) {
      String by = confirmer.relation() == null ? confirmer.guardianName()
          : texts.message("parentNotice.staff.confirmedBy", Map.of("name", confirmer.guardianName(),
              "relation", confirmer.relation()));
      return new ChildStatus(first.studentId(), first.studentName(), first.classId(), first.className(),
          ChildStatus.State.CONFIRMED, confirmer.confirmedAt(), by, confirmer.confirmedVia(), List.of());
    }
    List<Delivery> theirs = rows.stream().map(r -> deliveries.getOrDefault(r.guardianId(), Delivery.NONE)).toList();
    ChildStatus.State state = theirs.stream().anyMatch(Delivery::reached) ? ChildStatus.State.DELIVERED
        : theirs.stream().anyMatch(Delivery::pending) ? ChildStatus.State.PENDING : ChildStatus.State.FAILED;
    List<String> failures = state != ChildStatus.State.FAILED ? List.of()
        : rows.stream().map(r -> texts.message("parentNotice.staff.failureOf", Map.of("name", r.guardianName(),
            "reason", deliveries.getOrDefault(r.guardianId(), Delivery.NONE).describe(texts)))).toList();
    return new ChildStatus(first.studentId(), first.studentName(), first.classId(), first.className(), state, null,
        null, null, failures);
  }

  private Map<Long, Delivery> deliveries(long noticeId) {
    Map<Long, Delivery> byGuardian = new LinkedHashMap<>();
    mapper.deliveries(noticeId).forEach(row -> byGuardian.merge(row.guardianId(), Delivery.of(row), Delivery::best));
    return byGuardian;
  }
}
