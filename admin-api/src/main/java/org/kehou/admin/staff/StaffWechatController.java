package org.kehou.admin.staff;

import io.swagger.v3.oas.annotations.Operation;
import java.time.LocalDateTime;
import java.util.List;
import org.kehou.admin.auth.Access;
import org.kehou.admin.web.ApiException;
import org.kehou.core.staff.Staff;
import org.kehou.core.staff.StaffCode;
import org.kehou.core.staff.StaffService;
import org.kehou.core.staff.StaffWechat;
import org.kehou.core.staff.StaffWechatAccount;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A staff member binds their own WeChat for alerts: a single-use code typed as {@code 绑定 <code>} in the official
 * account. Each staff member manages their own; a school admin can do it for any account of the school.
 */
@RestController
class StaffWechatController {

  private final StaffWechat wechat;
  private final StaffService staff;

  StaffWechatController(StaffWechat wechat, StaffService staff) {
    this.wechat = wechat;
    this.staff = staff;
  }

  @Operation(summary = "A code to bind my WeChat (shown once, single use, expires after kehou.staff.wechat-code-ttl)")
  @PostMapping("/api/v1/staff/me/wechat-code")
  @ResponseStatus(HttpStatus.CREATED)
  StaffCode myCode(Staff me) {
    return wechat.issueCode(me.id(), me.id());
  }

  @Operation(summary = "Admin: a code for a colleague to bind their WeChat; their earlier code stops working")
  @PostMapping("/api/v1/staff/{id}/wechat-code")
  @ResponseStatus(HttpStatus.CREATED)
  StaffCode colleagueCode(Staff me, @PathVariable long id) {
    Staff target = colleague(me, id);
    if (!target.active()) {
      throw new ApiException(HttpStatus.CONFLICT, "STAFF_INACTIVE", "staff.wechat.inactive");
    }
    return wechat.issueCode(target.id(), me.id());
  }

  @GetMapping("/api/v1/staff/me/wechat")
  List<AccountView> myAccounts(Staff me) {
    return views(me.id());
  }

  @GetMapping("/api/v1/staff/{id}/wechat")
  List<AccountView> colleagueAccounts(Staff me, @PathVariable long id) {
    return views(colleague(me, id).id());
  }

  @Operation(summary = "End my WeChat binding: alerts go to the staff inbox only")
  @DeleteMapping("/api/v1/staff/me/wechat/{bindingId}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void endMine(Staff me, @PathVariable long bindingId) {
    end(me.id(), bindingId, "staff");
  }

  @Operation(summary = "Admin: end a colleague's WeChat binding")
  @DeleteMapping("/api/v1/staff/{id}/wechat/{bindingId}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void endColleagues(Staff me, @PathVariable long id, @PathVariable long bindingId) {
    end(colleague(me, id).id(), bindingId, "admin");
  }

  private void end(long staffId, long bindingId, String by) {
    if (!wechat.end(staffId, bindingId, by)) {
      throw ApiException.notFound("WECHAT_BINDING_NOT_FOUND", "staff.wechat.notFound");
    }
  }

  private List<AccountView> views(long staffId) {
    return wechat.accounts(staffId).stream().map(AccountView::of).toList();
  }

  /** As in StaffController: any id outside the admin's school is 404. */
  private Staff colleague(Staff me, long id) {
    Access.requireAdmin(me);
    return staff.find(id).filter(s -> s.schoolId() == me.schoolId())
        .orElseThrow(() -> ApiException.notFound("STAFF_NOT_FOUND", "error.staffNotFound"));
  }

  /** No openid: it identifies a WeChat user across the account and is of no use to staff. */
  record AccountView(long id, boolean live, LocalDateTime boundAt, LocalDateTime endedAt, String endedBy) {
    static AccountView of(StaffWechatAccount a) {
      return new AccountView(a.id(), a.live(), a.boundAt(), a.endedAt(), a.endedBy());
    }
  }
}
