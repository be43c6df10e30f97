package org.kehou.core.binding;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.kehou.core.outbox.Outbox;
import org.kehou.core.outbox.Recipient;
import org.kehou.core.text.Texts;
import org.springframework.stereotype.Component;

/**
 * Tells a guardian's accounts already bound that another WeChat account has just bound to the guardian, so a family
 * notices an account it does not know (someone holding an old sheet) and can have it revoked.
 */
@Component
class NewAccountNotice {

  static final String KIND = "binding-added";
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final WechatBindingMapper mapper;
  private final Outbox outbox;
  private final Texts texts;

  NewAccountNotice(WechatBindingMapper mapper, Outbox outbox, Texts texts) {
    this.mapper = mapper;
    this.outbox = outbox;
    this.texts = texts;
  }

  /**
   * Called in the redeeming transaction before the new binding is written, so the outbox addresses only the others.
   *
   * @param codeId the redeemed code: one notice per redemption, however often the transaction is retried
   */
  void beforeBinding(String openid, long guardianId, long codeId, LocalDateTime now) {
    if (mapper.activelyBound(openid, guardianId) || mapper.otherActiveOpenids(guardianId, openid).isEmpty()) {
      return;
    }
    String guardian = mapper.guardianName(guardianId);
    String when = WHEN.format(now);
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("keyword1", guardian);
    fields.put("keyword2", texts.message("binding.anotherAccount.title"));
    fields.put("keyword3", when);
    outbox.enqueue(new Recipient(mapper.schoolOf(guardianId), guardianId, null), KIND, KIND + ":" + codeId,
        texts.message("binding.anotherAccount", Map.of("guardian", guardian, "time", when)), fields);
  }
}
