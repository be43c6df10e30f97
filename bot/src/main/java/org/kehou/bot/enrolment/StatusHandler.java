package org.kehou.bot.enrolment;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import me.chanjar.weixin.mp.bean.message.WxMpXmlOutMessage;
import org.kehou.bot.binding.BoundParentHandler;
import org.kehou.bot.wechat.Replies;
import org.kehou.core.agreement.Amendments;
import org.kehou.core.agreement.PendingSeat;
import org.kehou.core.binding.WechatBinding;
import org.kehou.core.binding.WechatBindingService;
import org.kehou.core.enrolment.ApplicationView;
import org.kehou.core.enrolment.EnrolmentService;
import org.kehou.core.leave.Leave;
import org.kehou.core.leave.LeaveService;
import org.kehou.core.letter.LetterService;
import org.kehou.core.school.Term;
import org.springframework.stereotype.Component;

/** {@code 状态}: the current child's application, the same whichever guardian asks, the next step, and its leave. */
@Component
public class StatusHandler extends BoundParentHandler {

  private static final DateTimeFormatter DEADLINE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final LetterService letters;
  private final EnrolmentService enrolment;
  private final ChoiceLines lines;
  private final Amendments amendments;
  private final LeaveService leave;

  StatusHandler(WechatBindingService bindings, Replies replies, LetterService letters, EnrolmentService enrolment,
      ChoiceLines lines, Amendments amendments, LeaveService leave) {
    super(bindings, replies);
    this.letters = letters;
    this.enrolment = enrolment;
    this.lines = lines;
    this.amendments = amendments;
    this.leave = leave;
  }

  @Override
  protected WxMpXmlOutMessage handle(WxMpXmlMessage message, WechatBinding binding) {
    String child = replies.child(binding.current());
    Optional<Term> term = letters.currentTerm(binding.schoolId());
    Optional<ApplicationView> application =
        term.flatMap(t -> enrolment.latestApplication(t.id(), binding.current().studentId()));
    String leaveLine = leaveLine(binding.current().studentId());
    if (application.isEmpty()) {
      return replies.rendered(message, replies.message("status.none", Map.of("child", child)) + leaveLine);
    }
    String state = application.get().state();
    return replies.rendered(message, replies.message("status.report", Map.of(
        "child", child,
        "state", replies.message("status.state." + state, Map.of()),
        "lines", lines.of(application.get()),
        "next", next(application.get()))) + leaveLine);
  }

  /** The child's leave from today on (请假), on a line of its own; empty without any. */
  private String leaveLine(long studentId) {
    List<Leave> upcoming = leave.upcoming(studentId);
    if (upcoming.isEmpty()) {
      return "";
    }
    String days = upcoming.stream().map(l -> LeaveService.DAY.format(l.day()))
        .collect(Collectors.joining(replies.message("common.weekday.separator", Map.of())));
    return "\n" + replies.message("status.leave", Map.of("days", days));
  }

  /** An active enrolment with added seats waiting for their signature names them and their deadlines instead. */
  private String next(ApplicationView application) {
    List<PendingSeat> pending = application.state().equals("ACTIVE")
        ? amendments.pending(application.id()) : List.of();
    if (pending.isEmpty()) {
      return replies.message("status.next." + application.state(), Map.of());
    }
    String seats = pending.stream()
        .map(seat -> replies.message("agreement.amendmentLine", Map.of("offering", seat.offering(),
            "deadline", DEADLINE.format(seat.signBy()))))
        .collect(Collectors.joining("\n"));
    return replies.message("status.next.amendment", Map.of("seats", seats));
  }
}
