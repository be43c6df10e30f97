package org.kehou.core.roster;

import static java.util.stream.Collectors.toMap;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.kehou.core.roster.RosterMapper.ClassRow;
import org.kehou.core.roster.RosterMapper.GuardianRow;
import org.kehou.core.roster.RosterMapper.LinkRow;
import org.kehou.core.roster.RosterMapper.StudentRow;
import org.springframework.stereotype.Component;

/**
 * Upserts validated rows: reads the school's rows once per table, inserts what is new in batches and updates only
 * what differs, so that re-importing an unchanged file writes nothing.
 */
@Component
class RosterWriter {

  private static final int BATCH = 500;

  private final RosterMapper db;
  private final RosterRemovals removals;

  RosterWriter(RosterMapper db, RosterRemovals removals) {
    this.db = db;
    this.removals = removals;
  }

  RosterImportResult write(long schoolId, List<RosterRow> rows) {
    db.lockSchool(schoolId);
    Counts counts = new Counts();
    Map<String, ClassRow> classes = classes(schoolId, rows, grades(schoolId, rows), counts);
    Map<String, StudentRow> students = students(schoolId, rows, classes, counts);
    List<LinkRow> before = db.links(schoolId);
    Map<String, GuardianRow> guardians = guardians(schoolId, rows, students, before, counts);
    links(rows, students, guardians, before, counts);
    List<RemovedLink> removed = removals.remove(rows, classes, students, guardians, before);
    return new RosterImportResult(counts.studentsCreated, counts.studentsUpdated, counts.guardiansCreated.size(),
        counts.guardiansUpdated.size(), counts.classesCreated, counts.classesUpdated, removed, false);
  }

  private Map<String, Long> grades(long schoolId, List<RosterRow> rows) {
    Map<String, Long> grades = new HashMap<>();
    db.grades(schoolId).forEach(g -> grades.put(g.name(), g.id()));
    Map<String, Integer> missing = new LinkedHashMap<>();
    rows.stream().filter(r -> !grades.containsKey(r.gradeName()))
        .forEach(r -> missing.putIfAbsent(r.gradeName(), r.gradeLevel()));
    if (!missing.isEmpty()) {
      missing.forEach((name, level) -> db.insertGrade(schoolId, level, name));
      db.grades(schoolId).forEach(g -> grades.put(g.name(), g.id()));
    }
    return grades;
  }

  private Map<String, ClassRow> classes(long schoolId, List<RosterRow> rows, Map<String, Long> grades, Counts counts) {
    Map<String, ClassRow> classes = byKey(db.classes(schoolId), ClassRow::name);
    Map<String, Long> wanted = new LinkedHashMap<>();
    rows.forEach(r -> wanted.putIfAbsent(r.className(), grades.get(r.gradeName())));
    wanted.forEach((name, gradeId) -> {
      ClassRow existing = classes.get(name);
      if (existing == null) {
        db.insertClass(schoolId, gradeId, name);
        counts.classesCreated++;
      } else if (existing.gradeId() != gradeId) {
        db.updateClassGrade(existing.id(), gradeId);
        counts.classesUpdated++;
      }
    });
    return counts.classesCreated > 0 ? byKey(db.classes(schoolId), ClassRow::name) : classes;
  }

  private Map<String, StudentRow> students(long schoolId, List<RosterRow> rows, Map<String, ClassRow> classes,
      Counts counts) {
    Map<String, StudentRow> students = byKey(db.students(schoolId), StudentRow::studentNo);
    Map<String, StudentRow> created = new LinkedHashMap<>();
    for (RosterRow r : rows) {
      StudentRow existing = students.get(r.studentNo());
      long classId = classes.get(r.className()).id();
      if (existing == null) {
        created.putIfAbsent(r.studentNo(), new StudentRow(0, r.studentNo(), r.studentName(), classId, r.priority()));
      } else if (!existing.name().equals(r.studentName()) || existing.classId() != classId
          || existing.priority() != r.priority()) {
        StudentRow changed = new StudentRow(existing.id(), r.studentNo(), r.studentName(), classId, r.priority());
        db.updateStudent(changed);
        students.put(r.studentNo(), changed);
        counts.studentsUpdated++;
      }
    }
    batches(new ArrayList<>(created.values()), batch -> db.insertStudents(schoolId, batch));
    counts.studentsCreated = created.size();
    return created.isEmpty() ? students : byKey(db.students(schoolId), StudentRow::studentNo);
  }

  private Map<String, GuardianRow> guardians(long schoolId, List<RosterRow> rows, Map<String, StudentRow> students,
      List<LinkRow> links, Counts counts) {
    Map<String, GuardianRow> guardians = byKey(db.guardians(schoolId), GuardianRow::phone);
    Map<String, GuardianRow> created = new LinkedHashMap<>();
    Set<String> phonesInFile = rows.stream().map(RosterRow::phone).collect(Collectors.toSet());
    Map<Long, List<Long>> guardiansOfPupil = links.stream().collect(Collectors.groupingBy(LinkRow::studentId,
        Collectors.mapping(LinkRow::guardianId, Collectors.toList())));
    Map<Long, GuardianRow> byId = guardians.values().stream()
        .collect(toMap(GuardianRow::id, Function.identity()));
    for (RosterRow r : rows) {
      GuardianRow existing = guardians.get(r.phone());
      if (existing == null) {
        existing = newNumberOf(r, guardiansOfPupil.get(students.get(r.studentNo()).id()), byId, phonesInFile);
        if (existing != null) {
          db.updateGuardianPhone(existing.id(), r.phone());
          guardians.remove(existing.phone());
          GuardianRow renumbered = new GuardianRow(existing.id(), existing.name(), r.phone());
          guardians.put(r.phone(), renumbered);
          byId.put(existing.id(), renumbered);
          counts.guardiansUpdated.add(existing.id());
          continue;
        }
      }
      if (existing == null) {
        created.putIfAbsent(r.phone(), new GuardianRow(0, r.guardianName(), r.phone()));
      } else if (!existing.name().equals(r.guardianName()) && counts.guardiansUpdated.add(existing.id())) {
        db.updateGuardianName(existing.id(), r.guardianName());
      }
    }
    batches(new ArrayList<>(created.values()), batch -> db.insertGuardians(schoolId, batch));
    counts.guardiansCreated.addAll(created.keySet());
    return created.isEmpty() ? guardians : byKey(db.guardians(schoolId), GuardianRow::phone);
  }

  /**
   * The guardian this row's unknown number belongs to: one of the pupil's guardians with the same name whose old
   * number the file no longer has. Null when there is none, and the row is a new guardian.
   */
  private static GuardianRow newNumberOf(RosterRow r, List<Long> guardiansOfPupil, Map<Long, GuardianRow> byId,
      Set<String> phonesInFile) {
    if (guardiansOfPupil == null) {
      return null;
    }
    return guardiansOfPupil.stream().map(byId::get)
        .filter(g -> g.name().equals(r.guardianName()) && !phonesInFile.contains(g.phone()))
        .findFirst().orElse(null);
  }

  /** A new child or a changed relation counts as an update of an existing guardian. */
  private void links(List<RosterRow> rows, Map<String, StudentRow> students, Map<String, GuardianRow> guardians,
      List<LinkRow> before, Counts counts) {
    Map<String, LinkRow> links = byKey(before, l -> l.studentId() + ":" + l.guardianId());
    Map<String, LinkRow> created = new LinkedHashMap<>();
    for (RosterRow r : rows) {
      LinkRow wanted = new LinkRow(students.get(r.studentNo()).id(), guardians.get(r.phone()).id(), r.relation());
      String key = wanted.studentId() + ":" + wanted.guardianId();
      LinkRow existing = links.get(key);
      boolean changed = existing == null || !existing.relation().equals(wanted.relation());
      if (existing == null) {
        created.putIfAbsent(key, wanted);
      } else if (changed) {
        db.updateLinkRelation(wanted);
      }
      if (changed && !counts.guardiansCreated.contains(r.phone())) {
        counts.guardiansUpdated.add(wanted.guardianId());
      }
    }
    batches(new ArrayList<>(created.values()), db::insertLinks);
  }

  private static <T> Map<String, T> byKey(List<T> rows, Function<T, String> key) {
    return rows.stream().collect(toMap(key, Function.identity(), (a, b) -> a, HashMap::new));
  }

  private static <T> void batches(List<T> rows, Consumer<List<T>> insert) {
    for (int from = 0; from < rows.size(); from += BATCH) {
      insert.accept(rows.subList(from, Math.min(rows.size(), from + BATCH)));
    }
  }

  private static final class Counts {
    int classesCreated;
    int classesUpdated;
    int studentsCreated;
    int studentsUpdated;
    final Set<String> guardiansCreated = new HashSet<>();
    final Set<Long> guardiansUpdated = new HashSet<>();
  }
}
