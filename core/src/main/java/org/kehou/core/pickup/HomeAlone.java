package org.kehou.core.pickup;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.kehou.core.lifecycle.GuardianNotices;
import org.kehou.core.text.Texts;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Going home alone after the session: only where the school allows it and from the grade it sets, and only with a
 * guardian's standing permission, signed in the chat by typing the guardian's registered name (as the agreement is)
 * and withdrawn the same way. The other guardians are told of either.
 */
@Service
public class HomeAlone {

  public static final String CHANGED = "home-alone-changed";

  public enum Outcome { SIGNED, ALREADY_SIGNED, WITHDRAWN, NOTHING_TO_WITHDRAW, NOT_ALLOWED, WRONG_NAME }

  private final HomeAloneMapper mapper;
  private final PickupMapper children;
  private final GuardianNotices notices;
  private final Texts texts;
  private final Clock clock;

  HomeAlone(HomeAloneMapper mapper, PickupMapper children, GuardianNotices notices, Texts texts, Clock clock) {
    this.mapper = mapper;
    this.children = children;
    this.notices = notices;
    this.texts = texts;
    this.clock = clock;
  }

  /** The school's rule: from which grade children may go home alone; empty when it does not allow it. */
  public Optional<Integer> fromGrade(long schoolId) {
    return mapper.fromGrade(schoolId);
  }

  /** Sets the school's rule (1..6), or stops allowing it (null); permissions already signed stay on record. */
  @Transactional
  public void setRule(long schoolId, Integer fromGrade, long staffId) {
    if (fromGrade == null) {
      mapper.dropRule(schoolId);
    } else {
      mapper.setRule(schoolId, fromGrade, staffId, LocalDateTime.now(clock));
    }
  }

  /** Whether the child's grade may go home alone at this school now. */
  public boolean allowedFor(long schoolId, long studentId) {
    return mapper.fromGrade(schoolId).filter(from -> mapper.gradeLevel(studentId) >= from).isPresent();
  }

  /** The permission in force: only where the school still allows it for the child's grade. */
  public Optional<HomeAlonePermission> inForce(long schoolId, long studentId) {
    return allowedFor(schoolId, studentId) ? mapper.live(studentId) : Optional.empty();
  }

  /** Of these children, those with a permission in force ({@link #inForce}), in at most two queries. */
  public Set<Long> inForceAmong(long schoolId, Collection<Long> studentIds) {
    if (studentIds.isEmpty()) {
      return Set.of();
    }
    return mapper.fromGrade(schoolId).map(from -> Set.copyOf(mapper.livePermissionsFrom(from, studentIds)))
        .orElse(Set.of());
  }

  public List<HomeAlonePermission> history(long studentId) {
    return mapper.history(studentId);
  }

  /** The guardian types their registered name ({@code registeredName} says whether it matches) to sign. */
  @Transactional
  public Outcome sign(long schoolId, long guardianId, long studentId, boolean registeredName, String typed) {
    if (!allowedFor(schoolId, studentId)) {
      return Outcome.NOT_ALLOWED;
    }
    if (!registeredName) {
      return Outcome.WRONG_NAME;
    }
    children.lockChild(studentId);
    if (mapper.live(studentId).isPresent()) {
      return Outcome.ALREADY_SIGNED;
    }
    mapper.sign(schoolId, studentId, guardianId, typed.strip(), LocalDateTime.now(clock));
    HomeAlonePermission signed = mapper.live(studentId).orElseThrow();
    tellOthers(schoolId, studentId, guardianId, "signed", signed.id());
    return Outcome.SIGNED;
  }

  /** Withdrawn by any guardian of the child, by typing their own registered name. */
  @Transactional
  public Outcome withdraw(long schoolId, long guardianId, long studentId, boolean registeredName) {
    if (!registeredName) {
      return Outcome.WRONG_NAME;
    }
    children.lockChild(studentId);
    Optional<HomeAlonePermission> live = mapper.live(studentId);
    if (live.isEmpty()) {
      return Outcome.NOTHING_TO_WITHDRAW;
    }
    mapper.withdraw(live.get().id(), guardianId, LocalDateTime.now(clock));
    tellOthers(schoolId, studentId, guardianId, "withdrawn", live.get().id());
    return Outcome.WITHDRAWN;
  }

  private void tellOthers(long schoolId, long studentId, long guardianId, String change, long permissionId) {
    String child = children.child(studentId).orElseThrow().name();
    String by = children.guardianName(guardianId);
    Map<String, Object> values = Map.of("child", child, "by", by);
    notices.tell(schoolId, studentId, CHANGED + ":" + permissionId + ":" + change, CHANGED,
        texts.message("homeAlone.changed." + change, values),
        Map.of("child", child, "by", by, "change", texts.message("homeAlone.change." + change)), guardianId);
  }
}
