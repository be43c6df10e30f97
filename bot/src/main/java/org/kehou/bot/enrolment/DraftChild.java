package org.kehou.bot.enrolment;

import java.util.Optional;
import org.kehou.core.binding.WechatBinding;

/** The child a draft is about, provided the writer is still one of its guardians. */
final class DraftChild {

  private DraftChild() {
  }

  static Optional<WechatBinding.Child> of(WechatBinding binding, Drafts.Draft draft) {
    return binding.children().stream().filter(c -> c.studentId() == draft.studentId()).findFirst();
  }
}
