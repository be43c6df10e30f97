package org.kehou.core.rollcall;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The one place roll call and absence cases tell staff something: today the staff inbox (staff_notice). Kept in one
 * class so that staff WeChat alerts can be added here without touching the callers. Runs in the caller's
 * transaction, so a notice exists only if the step that caused it committed.
 */
@Component
public class StaffAlerting {

  private final RollCallStaffMapper mapper;
  private final Clock clock;

  StaffAlerting(RollCallStaffMapper mapper, Clock clock) {
    this.mapper = mapper;
    this.clock = clock;
  }

  /** Each staff member once, nulls (a session without a teacher, a class without one) skipped. */
  public void tell(Set<Long> staffIds, String kind, String body) {
    LocalDateTime now = LocalDateTime.now(clock);
    for (Long id : staffIds) {
      if (id != null) {
        mapper.notice(id, kind, body, now);
      }
    }
  }

  public void tellAdmins(long schoolId, String kind, String body) {
    tell(new LinkedHashSet<>(mapper.admins(schoolId)), kind, body);
  }

  /** The school admins of a school besides the given staff, so that nobody gets one alert twice. */
  public Set<Long> withAdmins(long schoolId, Long... staffIds) {
    Set<Long> all = new LinkedHashSet<>();
    for (Long id : staffIds) {
      if (id != null) {
        all.add(id);
      }
    }
    all.addAll(mapper.admins(schoolId));
    return all;
  }
}
