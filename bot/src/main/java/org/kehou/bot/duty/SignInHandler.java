package org.kehou.bot.duty;

import org.kehou.bot.wechat.Replies;
import org.kehou.core.duty.DutySigns;
import org.kehou.core.duty.SessionDuty;
import org.kehou.core.duty.SignChannel;
import org.kehou.core.staff.Staff;
import org.kehou.core.staff.StaffWechat;
import org.springframework.stereotype.Component;

/** {@code 签到}: signs the staff member in to their next duty today whose sign-in is open; a late one says it. */
@Component
public class SignInHandler extends StaffSignHandler {

  private final DutySigns signs;

  SignInHandler(StaffWechat staffWechat, Replies replies, DutySigns signs) {
    super(staffWechat, replies);
    this.signs = signs;
  }

  @Override
  protected SessionDuty sign(Staff staff) {
    return signs.signInNext(staff, SignChannel.WECHAT);
  }

  @Override
  protected String reply(SessionDuty duty) {
    return replies.message(duty.lateSignIn() ? "duty.chat.signedInLate" : "duty.chat.signedIn",
        values(duty, duty.signedInAt()));
  }
}
