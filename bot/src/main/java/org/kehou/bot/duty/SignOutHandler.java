package org.kehou.bot.duty;

import org.kehou.bot.wechat.Replies;
import org.kehou.core.duty.DutySigns;
import org.kehou.core.duty.SessionDuty;
import org.kehou.core.duty.SignChannel;
import org.kehou.core.staff.Staff;
import org.kehou.core.staff.StaffWechat;
import org.springframework.stereotype.Component;

/** {@code 签退}: signs the staff member out of the duty signed in to today; before the end it says it will not count. */
@Component
public class SignOutHandler extends StaffSignHandler {

  private final DutySigns signs;

  SignOutHandler(StaffWechat staffWechat, Replies replies, DutySigns signs) {
    super(staffWechat, replies);
    this.signs = signs;
  }

  @Override
  protected SessionDuty sign(Staff staff) {
    return signs.signOutNext(staff, SignChannel.WECHAT);
  }

  @Override
  protected String reply(SessionDuty duty) {
    return replies.message(duty.earlySignOut() ? "duty.chat.signedOutEarly" : "duty.chat.signedOut",
        values(duty, duty.signedOutAt()));
  }
}
