package org.kehou.bot.enrolment;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import me.chanjar.weixin.mp.bean.message.WxMpXmlOutMessage;
import org.kehou.bot.binding.BoundParentHandler;
import org.kehou.bot.wechat.Replies;
import org.kehou.core.binding.WechatBinding;
import org.kehou.core.binding.WechatBindingService;
import org.kehou.core.enrolment.EnrolmentService;
import org.kehou.core.enrolment.Offer;
import org.springframework.stereotype.Component;

/** Numbers such as {@code 1 3} inside the 报名 conversation: a summary of seats and waitlists, then 确认 or 取消. */
@Component
public class PickHandler extends BoundParentHandler {

  private final EnrolmentService enrolment;
  private final Drafts drafts;
  private final Clock clock;

  PickHandler(WechatBindingService bindings, Replies replies, EnrolmentService enrolment, Drafts drafts,
      Clock clock) {
    super(bindings, replies);
    this.clock = clock;
    this.enrolment = enrolment;
    this.drafts = drafts;
  }

  @Override
  protected WxMpXmlOutMessage handle(WxMpXmlMessage message, WechatBinding binding) {
    Optional<Drafts.Draft> found = drafts.find(message.getFromUser());
    Optional<WechatBinding.Child> child = found.flatMap(d -> DraftChild.of(binding, d));
    if (found.isEmpty() || child.isEmpty()) {
      return replies.text(message, "apply.pick.nodraft");
    }
    Drafts.Draft draft = found.get();
    List<Long> chosen = parse(message.getContent(), draft.listed());
    if (chosen.isEmpty()) {
      return replies.text(message, "apply.pick.bad", Map.of("max", draft.listed().size()));
    }
    Map<Long, Offer> offers = enrolment.openOfferings(draft.termId(), child.get().gradeLevel()).stream()
        .collect(Collectors.toMap(Offer::id, Function.identity()));
    List<String> lines = new ArrayList<>();
    LocalDateTime now = LocalDateTime.now(clock);
    for (Long id : chosen) {
      Offer offer = offers.get(id);
      if (offer == null) {
        return replies.text(message, "apply.unavailable", Map.of("child", replies.child(child.get())));
      }
      lines.add(replies.message(summaryKey(offer, now), Map.of("name", offer.name(),
          "closesAt", offer.drawClosesAt() == null ? "" : ChoiceLines.when(offer.drawClosesAt()))));
    }
    drafts.save(message.getFromUser(), new Drafts.Draft(draft.studentId(), draft.termId(), draft.listed(), chosen));
    return replies.text(message, "apply.summary",
        Map.of("child", replies.child(child.get()), "lines", String.join("\n", lines)));
  }

  private static String summaryKey(Offer offer, LocalDateTime now) {
    if (offer.inDraw(now)) {
      return "apply.summary.draw";
    }
    if (offer.awaitingDraw(now)) {
      return "apply.summary.drawClosed";
    }
    return offer.freeSeats() > 0 ? "apply.summary.seat" : "apply.summary.wait";
  }

  /** The offering ids behind the typed numbers, in the typed order; empty when any number is not on the list. */
  private static List<Long> parse(String content, List<Long> listed) {
    List<Long> ids = new ArrayList<>();
    for (String token : Arrays.stream(content.strip().split("[^0-9]+")).filter(s -> !s.isEmpty()).toList()) {
      int n = token.length() > 3 ? -1 : Integer.parseInt(token);
      if (n < 1 || n > listed.size()) {
        return List.of();
      }
      if (!ids.contains(listed.get(n - 1))) {
        ids.add(listed.get(n - 1));
      }
    }
    return ids;
  }
}
