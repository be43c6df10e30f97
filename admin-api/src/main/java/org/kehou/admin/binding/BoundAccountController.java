package org.kehou.admin.binding;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.kehou.admin.auth.Access;
import org.kehou.admin.web.ApiException;
import org.kehou.core.binding.BindingCodeMapper;
import org.kehou.core.binding.BoundAccount;
import org.kehou.core.binding.BoundAccounts;
import org.kehou.core.staff.Staff;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** The WeChat accounts bound to a guardian, for the school admin to see and revoke one (a stranger's, a lost phone). */
@RestController
class BoundAccountController {

  private final BoundAccounts accounts;
  private final BindingCodeMapper guardians;

  BoundAccountController(BoundAccounts accounts, BindingCodeMapper guardians) {
    this.accounts = accounts;
    this.guardians = guardians;
  }

  @Operation(summary = "The WeChat accounts ever bound to a guardian: masked id, bound time, whether active or ended")
  @GetMapping("/api/v1/guardians/{guardianId}/wechat-bindings")
  List<BoundAccount> list(Staff me, @PathVariable long guardianId) {
    requireGuardian(me, guardianId);
    return accounts.of(guardianId);
  }

  @Operation(summary = "End one of a guardian's WeChat bindings for good; following again does not restore it")
  @PostMapping("/api/v1/guardians/{guardianId}/wechat-bindings/{bindingId}/revoke")
  List<BoundAccount> revoke(Staff me, @PathVariable long guardianId, @PathVariable long bindingId) {
    requireGuardian(me, guardianId);
    if (!accounts.revoke(guardianId, bindingId)) {
      throw new ApiException(HttpStatus.NOT_FOUND, "BINDING_NOT_FOUND", "binding.accountNotFound");
    }
    return accounts.of(guardianId);
  }

  private void requireGuardian(Staff me, long guardianId) {
    Access.requireAdmin(me);
    if (!guardians.guardianInSchool(guardianId, me.schoolId())) {
      throw ApiException.notFound("GUARDIAN_NOT_FOUND", "error.guardianNotFound");
    }
  }
}
