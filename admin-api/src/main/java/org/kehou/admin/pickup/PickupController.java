package org.kehou.admin.pickup;

import io.swagger.v3.oas.annotations.Operation;
import java.util.function.Supplier;
import org.kehou.core.staff.Staff;
import org.kehou.admin.web.ApiException;
import org.kehou.core.pickup.PickupAdults;
import org.kehou.core.pickup.PickupRefused;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Who may collect a child (接送人), as the gate checks it: the guardians and the adults they added, with full phone
 * numbers to call, and the adults removed with who removed them and when. Guardians change the list in the chat only.
 */
@RestController
class PickupController {

  private final PickupAdults pickup;

  PickupController(PickupAdults pickup) {
    this.pickup = pickup;
  }

  @Operation(summary = "A child's authorised adults and the history of the list; the admin reaches every child, "
      + "a class teacher the children of their classes")
  @GetMapping("/api/v1/students/{studentId}/pickup-adults")
  PickupAdults.Listing list(Staff me, @PathVariable long studentId) {
    return refusedAsProblem(() -> pickup.forStaff(me.id(), me.schoolId(), me.isAdmin(), studentId));
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
