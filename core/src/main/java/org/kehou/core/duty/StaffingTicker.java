package org.kehou.core.duty;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.kehou.core.staff.StaffAlerts;
import org.kehou.core.text.Texts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Run by the bot's clustered staffing job once a day, after the leave cutoff: checks today's sessions on their actual
 * rosters and tells the school admins of each short one ({@code staffing-short}). The claim (a session_alert row per
 * session and day) is written in the transaction that tells, so a second node or a re-run tells nobody again.
 */
@Service
public class StaffingTicker {

  static final String KIND = "staffing-short";
  private static final Logger log = LoggerFactory.getLogger(StaffingTicker.class);

  private final Staffing staffing;
  private final DutyMapper mapper;
  private final StaffAlerts alerts;
  private final Texts texts;
  private final TransactionTemplate tx;
  private final Clock clock;

  StaffingTicker(Staffing staffing, DutyMapper mapper, StaffAlerts alerts, Texts texts, TransactionTemplate tx,
      Clock clock) {
    this.staffing = staffing;
    this.mapper = mapper;
    this.alerts = alerts;
    this.texts = texts;
    this.tx = tx;
    this.clock = clock;
  }

  /** @return the sessions alerted by this run */
  public int tick() {
    LocalDateTime now = LocalDateTime.now(clock);
    LocalDate today = now.toLocalDate();
    int alerted = 0;
    for (long school : mapper.schoolsInTerm(today)) {
      try {
        for (Shortfall shortfall : staffing.shortfalls(school, today, today, null)) {
          Boolean told = tx.execute(status -> tell(school, shortfall, now));
          alerted += Boolean.TRUE.equals(told) ? 1 : 0;
        }
      } catch (RuntimeException e) {
        log.error("Checking the staffing of school {} failed", school, e);
      }
    }
    return alerted;
  }

  private boolean tell(long school, Shortfall s, LocalDateTime now) {
    if (mapper.claimAlert(s.offeringId(), s.date(), KIND, now) != 1) {
      return false;
    }
    String shortage = shortage(s);
    String body = texts.message("duty.alert.staffingShort", Map.of("offering", s.offering(), "date", s.date(),
        "startsAt", s.startsAt(), "pupils", s.pupils(), "shortage", shortage));
    Map<String, String> fields = Map.of("offering", s.offering(), "date", s.date().toString(), "shortage", shortage);
    for (long admin : mapper.admins(school)) {
      alerts.tell(admin, KIND, KIND + ":" + s.offeringId() + ":" + s.date(), body, fields);
    }
    return true;
  }

  /** 缺教师1名、缺管理人员1名: what is missing, as staff read it. */
  String shortage(Shortfall s) {
    List<String> parts = new ArrayList<>();
    if (s.teachersShort() > 0) {
      parts.add(texts.message("duty.alert.teachersShort", Map.of("count", s.teachersShort())));
    }
    if (s.managersShort() > 0) {
      parts.add(texts.message("duty.alert.managersShort", Map.of("count", s.managersShort())));
    }
    return String.join(texts.message("duty.alert.separator"), parts);
  }
}
