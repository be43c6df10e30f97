package org.kehou.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The database after a rush: every parent's child applied exactly once, the choices are what the parents confirmed,
 * and the seats keep the rules of the school's allocation mode.
 */
record RushCheck(int exactlyOne, int none, int several, int siblings, List<Seats> offerings) {

  /** One offering's choices by status; {@code confirmed} is how many confirmed conversations chose it. */
  record Seats(String label, int capacity, int seated, int offered, int waitlisted, int inDraw, int choices,
      int confirmed) {

    int held() {
      return seated + offered;
    }

    boolean overCapacity() {
      return held() > capacity;
    }
  }

  static RushCheck of(Mariadb db, RushSchool school, Map<String, Integer> chosen)
      throws IOException, InterruptedException {
    String[] apps = db.run("SELECT COALESCE(SUM(n = 1), 0), COALESCE(SUM(n = 0), 0), COALESCE(SUM(n > 1), 0) FROM ("
        + "SELECT (SELECT COUNT(*) FROM application a WHERE a.term_id = " + school.id()
        + " AND a.student_id = wb.current_student_id) AS n FROM wechat_binding wb WHERE wb.guardian_id BETWEEN "
        + school.firstGuardian() + " AND " + school.lastGuardian() + ") x").split("\t");
    // Only the current child applies; a second child's application would mean a step acted on the wrong child.
    int siblings = db.count("SELECT COUNT(*) FROM application a JOIN wechat_binding wb ON wb.guardian_id BETWEEN "
        + school.firstGuardian() + " AND " + school.lastGuardian() + " JOIN student_guardian sg ON sg.guardian_id = "
        + "wb.guardian_id AND sg.student_id <> wb.current_student_id WHERE a.term_id = " + school.id()
        + " AND a.student_id = sg.student_id");
    List<Seats> offerings = new ArrayList<>();
    for (int i = 0; i < RushSchool.OFFERINGS.size(); i++) {
      RushSchool.OfferingSpec spec = RushSchool.OFFERINGS.get(i);
      String[] row = db.run("SELECT o.capacity, COALESCE(SUM(c.status = 'SEATED'), 0), "
          + "COALESCE(SUM(c.status = 'OFFERED'), 0), COALESCE(SUM(c.status = 'WAITLISTED'), 0), "
          + "COALESCE(SUM(c.status = 'IN_DRAW'), 0), COUNT(c.id) FROM offering o "
          + "LEFT JOIN application_choice c ON c.offering_id = o.id WHERE o.id = " + school.offeringId(i)
          + " GROUP BY o.id").split("\t");
      offerings.add(new Seats(spec.label(), n(row[0]), n(row[1]), n(row[2]), n(row[3]), n(row[4]), n(row[5]),
          chosen.getOrDefault(spec.name(), 0)));
    }
    return new RushCheck(n(apps[0]), n(apps[1]), n(apps[2]), siblings, List.copyOf(offerings));
  }

  private static int n(String value) {
    return Integer.parseInt(value.trim());
  }

  boolean overCapacity() {
    return offerings.stream().anyMatch(Seats::overCapacity);
  }

  /** First come: a seat left free while someone waits for it would be a newcomer passed over, or a lost offer. */
  boolean seatsLeftWhileWaiting() {
    return offerings.stream().anyMatch(o -> o.waitlisted() > 0 && o.held() < o.capacity());
  }

  /** At close: nobody holds a seat before the draw, and every choice waits for it. */
  boolean seatsBeforeTheDraw() {
    return offerings.stream().anyMatch(o -> o.held() > 0 || o.inDraw() != o.choices());
  }

  boolean choicesAsConfirmed() {
    return offerings.stream().allMatch(o -> o.choices() == o.confirmed());
  }
}
