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
import org.kehou.core.roster.RosterMapper.ClassRow;
import org.kehou.core.roster.RosterMapper.GradeRow;
import org.kehou.core.roster.RosterMapper.GuardianRow;
import org.kehou.core.roster.RosterMapper.LinkRow;
import org.kehou.core.roster.RosterMapper.StudentRow;
import org.springframework.stereotype.Component;

/** Upserts validated rows: reads the school's rows once per table, then inserts in batches and updates what differs. */
@Component
class RosterWriter {

  private static final int BATCH = 500;

  private final RosterMapper db;

  RosterWriter(RosterMapper db) {
    this.db = db;
  }

  RosterImportResult write(long schoolId, List<RosterRow> rows) {
    db.lockSchool(schoolId);
    Map<String, Long> grades = grades(schoolId, rows);

    Map<String, ClassRow> classes = byKey(db.classes(schoolId), ClassRow::name);
    Map<String, Long> wantedClasses = new LinkedHashMap<>();
    rows.forEach(r -> wantedClasses.putIfAbsent(r.className(), grades.get(r.gradeName())));
    int classesCreated = 0;
    int classesUpdated = 0;
    for (Map.Entry<String, Long> wanted : wantedClasses.entrySet()) {
      ClassRow existing = classes.get(wanted.getKey());
      if (existing == null) {
        db.insertClass(schoolId, wanted.getValue(), wanted.getKey());
        classesCreated++;
      } else if (existing.gradeId() != wanted.getValue()) {
        db.updateClassGrade(existing.id(), wanted.getValue());
        classesUpdated++;
      }
    }
    if (classesCreated > 0) {
      classes = byKey(db.classes(schoolId), ClassRow::name);
    }

    Map<String, StudentRow> students = byKey(db.students(schoolId), StudentRow::studentNo);
    List<StudentRow> newStudents = new ArrayList<>();
    int studentsUpdated = 0;
    Set<String> seenStudents = new HashSet<>();
    for (RosterRow r : rows) {
      if (!seenStudents.add(r.studentNo())) {
        continue;
      }
      StudentRow wanted = new StudentRow(0, r.studentNo(), r.studentName(), classes.get(r.className()).id(), r.priority());
      StudentRow existing = students.get(r.studentNo());
      if (existing == null) {
        newStudents.add(wanted);
      } else if (!sameStudent(existing, wanted)) {
        db.updateStudent(new StudentRow(existing.id(), wanted.studentNo(), wanted.name(), wanted.classId(),
            wanted.priority()));
        studentsUpdated++;
      }
    }
    batches(newStudents, batch -> db.insertStudents(schoolId, batch));
    if (!newStudents.isEmpty()) {
      students = byKey(db.students(schoolId), StudentRow::studentNo);
    }

    Map<String, GuardianRow> guardians = byKey(db.guardians(schoolId), GuardianRow::phone);
    Map<String, GuardianRow> newGuardians = new LinkedHashMap<>();
    Set<Long> guardiansUpdated = new HashSet<>();
    for (RosterRow r : rows) {
      GuardianRow existing = guardians.get(r.phone());
      if (existing == null) {
        newGuardians.putIfAbsent(r.phone(), new GuardianRow(0, r.guardianName(), r.phone()));
      } else if (!existing.name().equals(r.guardianName()) && guardiansUpdated.add(existing.id())) {
        db.updateGuardianName(existing.id(), r.guardianName());
      }
    }
    batches(new ArrayList<>(newGuardians.values()), batch -> db.insertGuardians(schoolId, batch));
    if (!newGuardians.isEmpty()) {
      guardians = byKey(db.guardians(schoolId), GuardianRow::phone);
    }

    Map<String, LinkRow> links = byKey(db.links(schoolId), l -> l.studentId() + ":" + l.guardianId());
    Map<String, LinkRow> newLinks = new LinkedHashMap<>();
    for (RosterRow r : rows) {
      GuardianRow guardian = guardians.get(r.phone());
      LinkRow wanted = new LinkRow(students.get(r.studentNo()).id(), guardian.id(), r.relation());
      String key = wanted.studentId() + ":" + wanted.guardianId();
      LinkRow existing = links.get(key);
      boolean guardianIsNew = newGuardians.containsKey(r.phone());
      if (existing == null) {
        newLinks.putIfAbsent(key, wanted);
        if (!guardianIsNew) {
          guardiansUpdated.add(guardian.id());
        }
      } else if (!existing.relation().equals(wanted.relation())) {
        db.updateLinkRelation(wanted);
        guardiansUpdated.add(guardian.id());
      }
    }
    batches(new ArrayList<>(newLinks.values()), db::insertLinks);

    return new RosterImportResult(newStudents.size(), studentsUpdated, newGuardians.size(), guardiansUpdated.size(),
        classesCreated, classesUpdated);
  }

  private Map<String, Long> grades(long schoolId, List<RosterRow> rows) {
    Map<String, Long> grades = new HashMap<>();
    db.grades(schoolId).forEach(g -> grades.put(g.name(), g.id()));
    boolean inserted = false;
    for (RosterRow r : rows) {
      if (!grades.containsKey(r.gradeName())) {
        db.insertGrade(schoolId, r.gradeLevel(), r.gradeName());
        grades.put(r.gradeName(), -1L);
        inserted = true;
      }
    }
    if (inserted) {
      db.grades(schoolId).forEach(g -> grades.put(g.name(), g.id()));
    }
    return grades;
  }

  private static boolean sameStudent(StudentRow a, StudentRow b) {
    return a.name().equals(b.name()) && a.classId() == b.classId() && a.priority() == b.priority();
  }

  private static <T> Map<String, T> byKey(List<T> rows, Function<T, String> key) {
    return rows.stream().collect(toMap(key, Function.identity(), (a, b) -> a, HashMap::new));
  }

  private static <T> void batches(List<T> rows, Consumer<List<T>> insert) {
    for (int from = 0; from < rows.size(); from += BATCH) {
      insert.accept(rows.subList(from, Math.min(rows.size(), from + BATCH)));
    }
  }
}
