package org.kehou.core.enrolment;

import java.util.List;
import java.util.Optional;
import org.kehou.core.cache.CacheEpochs;
import org.kehou.core.cache.EpochCache;
import org.kehou.core.cache.Region;
import org.kehou.core.enrolment.Submission.Outcome;
import org.springframework.stereotype.Service;

/** Applications to the term's offerings: seats while they last (or by draw at the close), then a waitlist. */
@Service
public class EnrolmentService {

  private static final int CACHED_APPLICATIONS = 50_000;
  private static final int CACHED_OFFERING_LISTS = 1_000;

  private final EnrolmentMapper mapper;
  private final SubmissionDesk desk;
  private final EpochCache<ChildInTerm, Optional<ApplicationView>> latest;
  private final EpochCache<GradeInTerm, List<Offer>> open;

  EnrolmentService(EnrolmentMapper mapper, SubmissionDesk desk, CacheEpochs epochs) {
    this.mapper = mapper;
    this.desk = desk;
    // 状态 is what parents send most; the answer changes only when some enrolment write moves the epoch.
    this.latest = new EpochCache<>(epochs, Region.ENROLMENT, CACHED_APPLICATIONS);
    // In a sign-up rush every 报名 and every pick lists the same few offerings with their seats: between two writes
    // of the region, one count serves every parent of the grade.
    this.open = new EpochCache<>(epochs, Region.ENROLMENT, CACHED_OFFERING_LISTS);
  }

  /** The term's open offerings a child of this grade (1..6) may choose, with seats taken so far. */
  public List<Offer> openOfferings(long termId, int gradeLevel) {
    int gradeBit = gradeBit(gradeLevel);
    return open.get(new GradeInTerm(termId, gradeBit), () -> List.copyOf(mapper.openOfferings(termId, gradeBit)));
  }

  private record GradeInTerm(long termId, int gradeBit) {
  }

  public Optional<ApplicationView> liveApplication(long termId, long studentId) {
    return mapper.liveApplication(termId, studentId)
        .map(a -> new ApplicationView(a.id(), a.studentId(), a.state(), mapper.choices(a.id())));
  }

  /** What 状态 reports: the live application, or the last one of the term so a parent learns how it ended. */
  public Optional<ApplicationView> latestApplication(long termId, long studentId) {
    return latest.get(new ChildInTerm(termId, studentId), () -> mapper.latestApplication(termId, studentId)
        .map(a -> new ApplicationView(a.id(), a.studentId(), a.state(), mapper.choices(a.id()))));
  }

  private record ChildInTerm(long termId, long studentId) {
  }

  /**
   * Submits the child's application in one transaction: each chosen offering seats the child while a seat is free and
   * nobody waits for one, else puts the child on its waitlist; an offering allocated at close enters the child in its
   * draw instead, until the close. A second live application for the child is refused, also under a race. Submissions
   * arriving together are written together (SubmissionDesk), in the order they arrived.
   */
  public Submission submit(long schoolId, long termId, long studentId, int gradeLevel, long guardianId,
      List<Long> offeringIds) {
    gradeBit(gradeLevel);
    NewApplication request = new NewApplication(schoolId, termId, studentId, gradeLevel, guardianId, offeringIds);
    if (request.offeringIds().isEmpty()) {
      return new Submission(Outcome.OFFERING_UNAVAILABLE, Optional.empty());
    }
    Submission submission = desk.submit(request);
    if (submission.application().isPresent() || submission.outcome() == Outcome.OFFERING_UNAVAILABLE) {
      return submission;
    }
    return new Submission(submission.outcome(), liveApplication(termId, studentId));
  }

  static int gradeBit(int gradeLevel) {
    if (gradeLevel < 1 || gradeLevel > 6) {
      throw new IllegalArgumentException("grade level " + gradeLevel);
    }
    return 1 << (gradeLevel - 1);
  }
}
