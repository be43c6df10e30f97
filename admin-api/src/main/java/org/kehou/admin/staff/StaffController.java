package org.kehou.admin.staff;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.kehou.admin.auth.Access;
import org.kehou.admin.web.ApiException;
import org.kehou.core.staff.Staff;
import org.kehou.core.staff.StaffRole;
import org.kehou.core.staff.StaffService;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class StaffController {

  static final int MIN_PASSWORD = 8;

  private final StaffService staff;

  StaffController(StaffService staff) {
    this.staff = staff;
  }

  @PostMapping("/api/v1/staff")
  @ResponseStatus(HttpStatus.CREATED)
  StaffView create(Staff me, @Valid @RequestBody NewStaff body) {
    Access.requireAdmin(me);
    if (body.password().length() < MIN_PASSWORD) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "PASSWORD_TOO_SHORT", "staff.passwordTooShort",
          Map.of("min", MIN_PASSWORD));
    }
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

  record NewStaff(
      @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._@-]+") String username,
      @NotBlank @Size(max = 60) String displayName,
      @NotBlank @Size(max = 200) String password,
      @NotNull StaffRole role) {
  }

  record StaffView(long id, String username, String displayName, StaffRole role, boolean active) {
    static StaffView of(Staff s) {
      return new StaffView(s.id(), s.username(), s.displayName(), s.role(), s.active());
    }
  }
}
