package org.kehou.admin.review;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.kehou.core.lifecycle.StaffNotice;
import org.kehou.core.staff.Staff;
import org.kehou.core.withdrawal.WithdrawalService;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The logged-in staff member's inbox: class teachers are told here, not through WeChat (e.g. a pupil withdrew). */
@RestController
class NoticeController {

  private final WithdrawalService withdrawals;

  NoticeController(WithdrawalService withdrawals) {
    this.withdrawals = withdrawals;
  }

  @Operation(summary = "The caller's notices, e.g. withdrawals in their class")
  @GetMapping("/api/v1/notices")
  List<StaffNotice> list(Staff me) {
    return withdrawals.notices(me.id());
  }
}
