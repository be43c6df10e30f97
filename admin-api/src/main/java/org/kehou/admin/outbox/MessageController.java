package org.kehou.admin.outbox;

import io.swagger.v3.oas.annotations.Operation;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.kehou.admin.web.ApiException;
import org.kehou.core.binding.BindingCodeMapper;
import org.kehou.core.outbox.Outbox;
import org.kehou.core.outbox.OutboxMessage;
import org.kehou.core.roster.ClassMapper;
import org.kehou.core.roster.SchoolClass;
import org.kehou.core.staff.Staff;
import org.kehou.core.text.Texts;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the outbox holds for one guardian or one pupil, with delivery state. Admins read any family of their school;
 * a class teacher only the families of their classes, and of a guardian only the messages about those classes' pupils.
 */
@RestController
class MessageController {

  private final Outbox outbox;
  private final ClassMapper classes;
  private final BindingCodeMapper guardians;
  private final Texts texts;

  MessageController(Outbox outbox, ClassMapper classes, BindingCodeMapper guardians, Texts texts) {
    this.outbox = outbox;
    this.texts = texts;
    this.classes = classes;
    this.guardians = guardians;
  }

  @Operation(summary = "A guardian's or a pupil's messages, newest first, with their delivery state")
  @GetMapping("/api/v1/messages")
  List<MessageView> list(Staff me, @RequestParam(required = false) Long guardianId,
      @RequestParam(required = false) Long studentId) {
    if ((guardianId == null) == (studentId == null)) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "MESSAGES_TARGET", "api.review.messagesTarget");
    }
    List<OutboxMessage> messages = studentId != null ? forStudent(me, studentId) : forGuardian(me, guardianId);
    return messages.stream().map(m -> MessageView.of(m, texts)).toList();
  }

  private List<OutboxMessage> forStudent(Staff me, long studentId) {
    SchoolClass c = classes.findByStudent(studentId).filter(k -> k.schoolId() == me.schoolId())
        .orElseThrow(() -> ApiException.notFound("STUDENT_NOT_FOUND", "api.review.studentNotFound"));
    if (!me.isAdmin() && !c.taughtBy(me.id())) {
      throw ApiException.forbidden();
    }
    return outbox.forStudent(studentId);
  }

  private List<OutboxMessage> forGuardian(Staff me, long guardianId) {
    if (!guardians.guardianInSchool(guardianId, me.schoolId())) {
      throw ApiException.notFound("GUARDIAN_NOT_FOUND", "error.guardianNotFound");
    }
    if (me.isAdmin()) {
      return outbox.forGuardian(guardianId);
    }
    Set<Long> mine = classes.listByGuardian(guardianId).stream().filter(c -> c.taughtBy(me.id()))
        .map(SchoolClass::id).collect(Collectors.toSet());
    if (mine.isEmpty()) {
      throw ApiException.forbidden();
    }
    return outbox.forGuardian(guardianId).stream().filter(aboutPupilOf(mine)).toList();
  }

  /** A message about no particular child concerns the family as a whole, which the teacher may see. */
  private Predicate<OutboxMessage> aboutPupilOf(Set<Long> classIds) {
    Map<Long, Boolean> seen = new HashMap<>();
    return m -> m.studentId() == null || seen.computeIfAbsent(m.studentId(),
        id -> classes.findByStudent(id).map(c -> classIds.contains(c.id())).orElse(false));
  }
}
