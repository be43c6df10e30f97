package org.kehou.admin.pickup;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import java.util.function.Supplier;
import org.kehou.core.staff.Staff;
import org.kehou.admin.web.ApiException;
import org.kehou.core.pickup.HomeAlone;
import org.kehou.core.pickup.HomeAlonePermission;
import org.kehou.core.pickup.PickupAdult;
import org.kehou.core.pickup.PickupAdults;
import org.kehou.core.pickup.PickupRefused;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Who may collect a child (接送人), as the gate checks it: the guardians and the adults they added, with full phone
 * numbers to call, and the adults removed with who removed them and when. Guardians change the list in the chat only.
 */
@RestController
class PickupController {

  /** A child's list, and whether the child may go home alone: allowed for the grade, and the permissions signed. */
  record PickupView(long studentId, String child, String className, List<PickupAdult> authorised,
      List<PickupAdult> removed, boolean homeAloneAllowed, HomeAlonePermission homeAlone,
      List<HomeAlonePermission> homeAloneHistory) {
  }

  /** {@code fromGrade} 1..6, or null: the school does not let children go home alone. */
  record HomeAloneRule(@Min(1) @Max(6) Integer fromGrade) {
  }

  private final PickupAdults pickup;
  private final HomeAlone homeAlone;

  PickupController(PickupAdults pickup, HomeAlone homeAlone) {
    this.pickup = pickup;
    this.homeAlone = homeAlone;
  }

  @Operation(summary = "A child's authorised adults and the history of the list, and the going-home-alone "
      + "permission; the admin reaches every child, a class teacher the children of their classes")
  @GetMapping("/api/v1/students/{studentId}/pickup-adults")
  PickupView list(Staff me, @PathVariable long studentId) {
    PickupAdults.Listing l = refusedAsProblem(() -> pickup.forStaff(me.id(), me.schoolId(), me.isAdmin(), studentId));
    boolean allowed = homeAlone.allowedFor(me.schoolId(), studentId);
    return new PickupView(l.studentId(), l.child(), l.className(), l.authorised(), l.removed(), allowed,
        homeAlone.inForce(me.schoolId(), studentId).orElse(null), homeAlone.history(studentId));
  }

  @Operation(summary = "From which grade children may go home alone after the session (null: not allowed)")
  @GetMapping("/api/v1/home-alone-rule")
  HomeAloneRule rule(Staff me) {
    return new HomeAloneRule(homeAlone.fromGrade(me.schoolId()).orElse(null));
  }

  @Operation(summary = "School admin: set from which grade children may go home alone (1..6), or null to stop "
      + "allowing it; permissions already signed stay on record but count only while the rule allows the grade")
  @PutMapping("/api/v1/home-alone-rule")
  HomeAloneRule setRule(Staff me, @Valid @RequestBody HomeAloneRule rule) {
    if (!me.isAdmin()) {
      throw ApiException.forbidden();
    }
    homeAlone.setRule(me.schoolId(), rule.fromGrade(), me.id());
    return rule(me);
  }

  private static <T> T refusedAsProblem(Supplier<T> step) {
    try {
      return step.get();
    } catch (PickupRefused e) {
      HttpStatus status = e.kind() == PickupRefused.Kind.NOT_YOURS ? HttpStatus.FORBIDDEN : HttpStatus.NOT_FOUND;
      throw new ApiException(status, e.kind().name(), "pickup.staff." + e.kind().name(), e.values());
    }
  }
}
