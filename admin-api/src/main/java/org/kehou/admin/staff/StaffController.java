package org.kehou.admin.staff;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.kehou.admin.auth.Access;
import org.kehou.admin.auth.PasswordRules;
import org.kehou.admin.auth.TokenStore;
import org.kehou.admin.web.ApiException;
import org.kehou.core.staff.Staff;
import org.kehou.core.staff.StaffRole;
import org.kehou.core.staff.StaffService;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The school admin manages the school's staff accounts, and can take access back at once. */
@RestController
class StaffController {

  private final StaffService staff;
  private final TokenStore tokens;

  StaffController(StaffService staff, TokenStore tokens) {
    this.staff = staff;
    this.tokens = tokens;
  }

  @PostMapping("/api/v1/staff")
  @ResponseStatus(HttpStatus.CREATED)
  StaffView create(Staff me, @Valid @RequestBody NewStaff body) {
    Access.requireAdmin(me);
    PasswordRules.requireAcceptable(body.password());
    if (staff.usernameTaken(body.username())) {
      throw new ApiException(HttpStatus.CONFLICT, "USERNAME_TAKEN", "staff.usernameTaken",
          Map.of("username", body.username()));
    }
    return StaffView.of(staff.create(me.schoolId(), body.username(), body.displayName(), body.password(), body.role()));
  }

  @GetMapping("/api/v1/staff")
  List<StaffView> list(Staff me) {
    Access.requireAdmin(me);
    return staff.list(me.schoolId()).stream().map(StaffView::of).toList();
  }

  @Operation(summary = "Deactivate an account: it cannot log in and its tokens stop working at once")
  @PostMapping("/api/v1/staff/{id}/deactivate")
  StaffView deactivate(Staff me, @PathVariable long id) {
    Staff target = colleague(me, id);
    if (target.id() == me.id()) {
      throw new ApiException(HttpStatus.CONFLICT, "CANNOT_DEACTIVATE_SELF", "staff.cannotDeactivateSelf");
    }
    staff.setActive(target.id(), false);
    tokens.revokeAll(target.id());
    return StaffView.of(staff.find(target.id()).orElseThrow());
  }

  @Operation(summary = "Reactivate an account; it logs in afresh (no earlier token comes back)")
  @PostMapping("/api/v1/staff/{id}/activate")
  StaffView activate(Staff me, @PathVariable long id) {
    Staff target = colleague(me, id);
    staff.setActive(target.id(), true);
    return StaffView.of(staff.find(target.id()).orElseThrow());
  }

  @Operation(summary = "Set a new password for an account; its tokens stop working, it logs in with the new one")
  @PostMapping("/api/v1/staff/{id}/password")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void resetPassword(Staff me, @PathVariable long id, @Valid @RequestBody NewPassword body) {
    Staff target = colleague(me, id);
    PasswordRules.requireAcceptable(body.password());
    staff.resetPassword(target.id(), body.password());
    tokens.revokeAll(target.id());
  }

  @Operation(summary = "End every session of an account at once (it can log in again)")
  @PostMapping("/api/v1/staff/{id}/revoke-tokens")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void revokeTokens(Staff me, @PathVariable long id) {
    tokens.revokeAll(colleague(me, id).id());
  }

  /** An account of the admin's own school; any other id is 404, so other schools' accounts cannot be probed. */
  private Staff colleague(Staff me, long id) {
    Access.requireAdmin(me);
    return staff.find(id).filter(s -> s.schoolId() == me.schoolId())
        .orElseThrow(() -> ApiException.notFound("STAFF_NOT_FOUND", "error.staffNotFound"));
  }

  record NewStaff(
      @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._@-]+") String username,
      @NotBlank @Size(max = 60) String displayName,
      @NotBlank String password,
      @NotNull StaffRole role) {
  }

  record NewPassword(@NotBlank String password) {
  }

  record StaffView(long id, String username, String displayName, StaffRole role, boolean active) {
    static StaffView of(Staff s) {
      return new StaffView(s.id(), s.username(), s.displayName(), s.role(), s.active());
    }
  }
}
