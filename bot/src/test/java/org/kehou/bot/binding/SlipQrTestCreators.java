package org.kehou.bot.binding;

import java.time.Clock;
import java.util.function.IntSupplier;
import me.chanjar.weixin.mp.api.WxMpService;
import org.kehou.core.binding.SlipQrTickets;
import org.springframework.context.ApplicationContext;

/**
 * For webhook tests outside this package: a QR creator as one more bot instance would run it (the context's own is
 * off in tests), each call creating every QR code due.
 */
public final class SlipQrTestCreators {

  private SlipQrTestCreators() {
  }

  public static IntSupplier instance(ApplicationContext context) {
    SlipQrCreator creator = new SlipQrCreator(context.getBean(SlipQrTickets.class), context.getBean(WxMpService.class),
        context.getBean(SlipQrProperties.class), context.getBean(Clock.class));
    return creator::createDue;
  }
}
