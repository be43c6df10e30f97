package org.kehou.core.roster;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Checks that the rows of one file agree with each other: one pupil, one guardian, one class each mean one thing. */
final class RosterConsistency {

  private RosterConsistency() {
  }

  static void check(List<RosterRow> rows, RosterParser parser) {
    Map<String, RosterRow> students = new HashMap<>();
    Map<String, RosterRow> guardians = new HashMap<>();
    Map<String, RosterRow> links = new HashMap<>();
    Map<String, RosterRow> classes = new HashMap<>();
    for (RosterRow row : rows) {
      RosterRow first = students.putIfAbsent(row.studentNo(), row);
      if (first != null && !(first.studentName().equals(row.studentName())
          && first.className().equals(row.className()) && first.priority() == row.priority())) {
        parser.errors().add(conflict(parser, row, first, RosterColumn.STUDENT_NO, "DUPLICATE_STUDENT_NO"));
      }
      first = guardians.putIfAbsent(row.phone(), row);
      if (first != null && !first.guardianName().equals(row.guardianName())) {
        parser.errors().add(conflict(parser, row, first, RosterColumn.GUARDIAN_NAME, "CONFLICTING_GUARDIAN"));
      }
      first = links.putIfAbsent(row.studentNo() + "\n" + row.phone(), row);
      if (first != null && !first.relation().equals(row.relation())) {
        parser.errors().add(conflict(parser, row, first, RosterColumn.RELATION, "CONFLICTING_RELATION"));
      }
      first = classes.putIfAbsent(row.className(), row);
      if (first != null && !Objects.equals(first.gradeName(), row.gradeName())) {
        parser.errors().add(conflict(parser, row, first, RosterColumn.CLASS, "CONFLICTING_CLASS"));
      }
    }
  }

  private static RosterError conflict(RosterParser parser, RosterRow row, RosterRow first, RosterColumn column,
      String code) {
    return parser.error(row.line(), parser.header(column), code, Map.of("firstLine", first.line()));
  }
}
