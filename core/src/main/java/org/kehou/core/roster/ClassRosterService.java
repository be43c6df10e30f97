package org.kehou.core.roster;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kehou.core.roster.ClassMapper.StudentGuardianRow;
import org.springframework.stereotype.Service;

/** Reads a class's pupils with their guardians. */
@Service
public class ClassRosterService {

  private final ClassMapper classes;

  ClassRosterService(ClassMapper classes) {
    this.classes = classes;
  }

  public List<ClassStudent> students(long classId) {
    Map<Long, List<ClassStudent.Guardian>> guardians = new LinkedHashMap<>();
    Map<Long, StudentGuardianRow> first = new LinkedHashMap<>();
    for (StudentGuardianRow row : classes.studentRows(classId)) {
      first.putIfAbsent(row.studentId(), row);
      List<ClassStudent.Guardian> list = guardians.computeIfAbsent(row.studentId(), id -> new ArrayList<>());
      if (row.guardianId() != null) {
        list.add(new ClassStudent.Guardian(row.guardianId(), row.guardianName(), row.phone(), row.relation()));
      }
    }
    return first.values().stream()
        .map(r -> new ClassStudent(r.studentId(), r.studentNo(), r.studentName(), r.priority(),
            List.copyOf(guardians.get(r.studentId()))))
        .toList();
  }
}
