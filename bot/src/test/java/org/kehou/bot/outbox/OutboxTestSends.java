package org.kehou.bot.outbox;

import org.kehou.core.outbox.OutboxMessage;
import org.springframework.context.ApplicationContext;

/** For webhook tests outside this package: sends one queued row as the dispatcher would, to the fake WeChat API. */
public final class OutboxTestSends {

  private OutboxTestSends() {
  }

  /** @return the channel it went by, {@code CUSTOMER} or {@code TEMPLATE} */
  public static String send(ApplicationContext context, OutboxMessage message) {
    return context.getBean(WeChatSender.class).send(message).channel();
  }
}
