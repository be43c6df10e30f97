package org.kehou.admin.leave;

import io.swagger.v3.oas.annotations.Operation;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;
import org.kehou.admin.web.ApiException;
import org.kehou.core.leave.LeaveRefused;
import org.kehou.core.leave.LeaveService;
import org.kehou.core.leave.LeaveStaff;
import org.kehou.core.staff.Staff;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Leave (请假) recorded by staff, for a parent who phoned, also after the parents' cutoff. The school admin reaches
 * every child; anyone else only the children of the classes they are class teacher of.
 */
@RestController
class LeaveController {

  /** {@code date}: the day of leave; {@code reason} optional. */
  record LeaveRequest(@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date, String reason) {
  }

  private final LeaveService leave;

  LeaveController(LeaveService leave) {
    this.leave = leave;
  }

  @Operation(summary = "Record a child's leave for a date (201; 200 with the existing leave when there is one); "
      + "the class teacher is told and the child leaves that day's roster")
  @PostMapping("/api/v1/students/{studentId}/leave")
  ResponseEntity<LeaveView> record(Staff me, @PathVariable long studentId, @RequestBody LeaveRequest request) {
    if (request == null || request.date() == null) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "LEAVE_DATE_REQUIRED", "leave.staff.dateRequired");
    }
    LeaveService.Asked asked = refusedAsProblem(() -> leave.record(staff(me), studentId, request.date(),
        request.reason()));
    return ResponseEntity.status(asked.added() ? HttpStatus.CREATED : HttpStatus.OK).body(LeaveView.of(asked.leave()));
  }

  @Operation(summary = "Cancel a child's leave for a date; the row is kept with who cancelled and when")
  @DeleteMapping("/api/v1/students/{studentId}/leave/{date}")
  LeaveView cancel(Staff me, @PathVariable long studentId,
      @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
    return LeaveView.of(refusedAsProblem(() -> leave.cancelByStaff(staff(me), studentId, date)));
  }

  @Operation(summary = "A date's leave, cancelled too, with who asked and when; scoped to the caller's classes "
      + "unless admin")
  @GetMapping("/api/v1/leave")
  List<LeaveView> onDay(Staff me, @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
    return leave.onDay(staff(me), date).stream().map(LeaveView::of).toList();
  }

  private static LeaveStaff staff(Staff me) {
    return new LeaveStaff(me.id(), me.schoolId(), me.isAdmin());
  }

  private static <T> T refusedAsProblem(Supplier<T> step) {
    try {
      return step.get();
    } catch (LeaveRefused e) {
      HttpStatus status = switch (e.kind()) {
        case NOT_FOUND -> HttpStatus.NOT_FOUND;
        case NOT_YOURS -> HttpStatus.FORBIDDEN;
        case NO_SERVICE, CUTOFF_PASSED, NOT_ON_LEAVE -> HttpStatus.CONFLICT;
      };
      throw new ApiException(status, e.kind().name(), "leave.staff." + e.kind().name(), e.values());
    }
  }
}
