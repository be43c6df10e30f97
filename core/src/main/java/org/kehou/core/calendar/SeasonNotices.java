package org.kehou.core.calendar;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.kehou.core.school.Term;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A few days before the session's end moves with the season ({@code kehou.calendar.season-notice-days}), the guardians
 * of enrolled children whose sessions run to the close are told the new pickup time, once.
 */
@Component
class SeasonNotices {

  static final String KIND = "season-times";

  private final CalendarMapper mapper;
  private final SessionMapper sessions;
  private final FamilyNotices notices;
  private final TransactionTemplate tx;
  private final int daysAhead;

  SeasonNotices(CalendarMapper mapper, SessionMapper sessions, FamilyNotices notices, TransactionTemplate tx,
      @Value("${kehou.calendar.season-notice-days:3}") int daysAhead) {
    this.mapper = mapper;
    this.sessions = sessions;
    this.notices = notices;
    this.tx = tx;
    this.daysAhead = daysAhead;
  }

  /** Queues every notice due {@code now}; each switch in its own transaction. Returns the guardians addressed. */
  int queueDue(LocalDateTime now) {
    LocalDate today = now.toLocalDate();
    int told = 0;
    for (Term term : mapper.termsNotOver(today)) {
      for (LocalDate switchOn : switches(term)) {
        if (!today.isBefore(switchOn.minusDays(daysAhead)) && today.isBefore(switchOn)) {
          told += tx.execute(status -> queue(term, switchOn, now));
        }
      }
    }
    return told;
  }

  private int queue(Term term, LocalDate switchOn, LocalDateTime now) {
    LocalTime endsAt = term.endsAtOn(switchOn);
    if (mapper.claimSeasonNotice(term.id(), switchOn, endsAt, now) == 0) {
      return 0;
    }
    return notices.tell(term.schoolId(), sessions.seasonFamilies(term.id(), Timetable.close(term)), KIND,
        "season-times:" + term.id() + ":" + switchOn, "calendar.seasonTimes",
        Map.of("from", notices.date(switchOn), "endsAt", endsAt));
  }

  /**
   * The first days on a new end time within the term: summer's first day, and the first day after summer. A term that
   * opens or closes in summer has no switch there; equal end times have none at all.
   */
  static List<LocalDate> switches(Term term) {
    List<LocalDate> switches = new ArrayList<>();
    if (term.summerStartsOn() == null || term.summerEndsOn() == null
        || term.winterEndsAt().equals(term.summerEndsAt())) {
      return switches;
    }
    if (term.summerStartsOn().isAfter(term.startsOn())) {
      switches.add(term.summerStartsOn());
    }
    LocalDate backToWinter = term.summerEndsOn().plusDays(1);
    if (!backToWinter.isAfter(term.endsOn())) {
      switches.add(backToWinter);
    }
    return switches;
  }
}
