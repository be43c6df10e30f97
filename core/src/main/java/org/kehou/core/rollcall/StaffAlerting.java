package org.kehou.core.rollcall;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.kehou.core.staff.StaffAlerts;
import org.springframework.stereotype.Component;

/**
 * Who roll call and absence cases tell: each staff member once (the session's teacher may also be the class teacher or
 * an admin), a missing teacher skipped. The telling itself is {@link StaffAlerts}: the inbox and a bound WeChat, in the
 * caller's transaction, once per staff member and occasion, so a re-run job tells nobody twice.
 */
@Component
class StaffAlerting {

  private final RollCallStaffMapper mapper;
  private final StaffAlerts alerts;

  StaffAlerting(RollCallStaffMapper mapper, StaffAlerts alerts) {
    this.mapper = mapper;
    this.alerts = alerts;
  }

  void tell(Set<Long> staffIds, String kind, String occasionKey, String body, Map<String, String> fields) {
    for (long id : staffIds) {
      alerts.tell(id, kind, occasionKey, body, fields);
    }
  }

  /** The given staff (nulls skipped) and then, when {@code withAdmins}, the school's admins; each once. */
  Set<Long> recipients(long schoolId, boolean withAdmins, Long... staffIds) {
    Set<Long> all = new LinkedHashSet<>();
    for (Long id : staffIds) {
      if (id != null) {
        all.add(id);
      }
    }
    if (withAdmins) {
      all.addAll(mapper.admins(schoolId));
    }
    return all;
  }
}
