package org.kehou.core.roster;

import static java.util.stream.Collectors.toMap;
import static java.util.stream.Collectors.toSet;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.kehou.core.binding.BoundAccounts;
import org.kehou.core.roster.RosterMapper.ClassRow;
import org.kehou.core.roster.RosterMapper.GuardianRow;
import org.kehou.core.roster.RosterMapper.LinkRow;
import org.kehou.core.roster.RosterMapper.StudentRow;
import org.springframework.stereotype.Component;

/**
 * A file is the whole roster of the classes it names: a link of one of their pupils (or of a pupil the file lists)
 * that the file no longer has is removed, and with it the access it gave. Classes the file does not name are left
 * alone, so a school may import class by class.
 */
@Component
class RosterRemovals {

  private static final int BATCH = 500;

  private final RosterMapper db;
  private final BoundAccounts accounts;

  RosterRemovals(RosterMapper db, BoundAccounts accounts) {
    this.db = db;
    this.accounts = accounts;
  }

  /**
   * @param before the school's links as they were before this import wrote any
   */
  List<RemovedLink> remove(List<RosterRow> rows, Map<String, ClassRow> classes, Map<String, StudentRow> students,
      Map<String, GuardianRow> guardians, List<LinkRow> before) {
    Set<Long> classesInFile = rows.stream().map(r -> classes.get(r.className()).id()).collect(toSet());
    Set<Long> pupilsInFile = rows.stream().map(r -> students.get(r.studentNo()).id()).collect(toSet());
    Set<String> wanted = rows.stream()
        .map(r -> key(students.get(r.studentNo()).id(), guardians.get(r.phone()).id())).collect(toSet());
    Map<Long, StudentRow> studentsById = students.values().stream()
        .collect(toMap(StudentRow::id, Function.identity(), (a, b) -> a));
    List<LinkRow> gone = before.stream()
        .filter(l -> pupilsInFile.contains(l.studentId()) || inClasses(studentsById.get(l.studentId()), classesInFile))
        .filter(l -> !wanted.contains(key(l.studentId(), l.guardianId())))
        .toList();
    if (gone.isEmpty()) {
      return List.of();
    }
    for (int from = 0; from < gone.size(); from += BATCH) {
      db.deleteLinks(gone.subList(from, Math.min(gone.size(), from + BATCH)));
    }
    gone.forEach(l -> accounts.childRemoved(l.guardianId(), l.studentId()));
    Set<Long> childless = new HashSet<>(db.childless(gone.stream().map(LinkRow::guardianId).collect(toSet())));
    accounts.endAccessOf(childless, BoundAccounts.BY_ROSTER);
    Map<Long, String> classNames = classes.values().stream().collect(toMap(ClassRow::id, ClassRow::name));
    Map<Long, GuardianRow> guardiansById = guardians.values().stream()
        .collect(toMap(GuardianRow::id, Function.identity(), (a, b) -> a));
    return gone.stream().map(l -> {
      StudentRow s = studentsById.get(l.studentId());
      GuardianRow g = guardiansById.get(l.guardianId());
      return new RemovedLink(classNames.get(s.classId()), s.studentNo(), s.name(), g.id(), g.name(), l.relation(),
          childless.contains(g.id()));
    }).toList();
  }

  private static boolean inClasses(StudentRow student, Set<Long> classIds) {
    return student != null && classIds.contains(student.classId());
  }

  private static String key(long studentId, long guardianId) {
    return studentId + ":" + guardianId;
  }
}
