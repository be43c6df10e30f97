package org.kehou.core.enrolment;

import java.util.List;

/** A parent's 确认 on its way to the database: the child, who submits it and the offerings (distinct, by id). */
record NewApplication(long schoolId, long termId, long studentId, int gradeLevel, long guardianId,
    List<Long> offeringIds) {

  NewApplication {
    offeringIds = offeringIds.stream().distinct().sorted().toList();
  }

  int gradeBit() {
    return EnrolmentService.gradeBit(gradeLevel);
  }
}
