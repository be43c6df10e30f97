package org.kehou.bot;

import java.time.LocalDateTime;
import org.kehou.core.notice.AudienceKind;
import org.kehou.core.notice.NoticeDraft;
import org.kehou.core.notice.Notices;
import org.kehou.core.staff.Staff;
import org.kehou.core.staff.StaffRole;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A class of a school of its own with its class teacher (李老师), who sends notices to the class as the admin API
 * would, through {@link Notices#send}. Guardians are bound through the chat, as parents do.
 */
final class NoticeFamilies {

  final Fixture school;
  final long classId;
  final Staff teacher;
  private final JdbcTemplate jdbc;
  private final Notices notices;
  private final WechatSimulator wechat;

  NoticeFamilies(JdbcTemplate jdbc, Notices notices, WechatSimulator wechat) {
    this.jdbc = jdbc;
    this.notices = notices;
    this.wechat = wechat;
    school = Fixture.school(jdbc);
    long teacherId = school.staff("CLASS_TEACHER", "李老师");
    classId = school.schoolClass(2, "二年级1班");
    jdbc.update("UPDATE school_class SET class_teacher_id = ? WHERE id = ?", teacherId, classId);
    teacher = new Staff(teacherId, school.schoolId, "li", "李老师", StaffRole.CLASS_TEACHER, true);
  }

  /** Binds a new WeChat user to the guardian and returns its openid. */
  String bind(long guardianId) {
    String openid = WechatSimulator.openid();
    String reply = wechat.say(openid, "绑定 " + school.code(guardianId));
    if (!reply.contains("绑定成功")) {
      throw new AssertionError("binding failed: " + reply);
    }
    return openid;
  }

  long send(String title, String body) {
    return send(title, body, null, false);
  }

  long send(String title, String body, LocalDateTime confirmBy, boolean urgent) {
    return notices.send(teacher, new NoticeDraft(AudienceKind.CLASS, classId, title, body, confirmBy != null,
        confirmBy, urgent)).noticeId();
  }

  /** Rows left PENDING would be drained by the dispatcher tests' instances (the outbox is shared by every test). */
  void cancelPending() {
    jdbc.update("UPDATE outbox_message SET state = 'CANCELLED' WHERE school_id = ? AND state = 'PENDING'",
        school.schoolId);
  }
}
