package org.kehou.bot.outbox;

import java.util.Map;
import me.chanjar.weixin.common.session.WxSessionManager;
import me.chanjar.weixin.mp.api.WxMpMessageHandler;
import me.chanjar.weixin.mp.api.WxMpService;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import me.chanjar.weixin.mp.bean.message.WxMpXmlOutMessage;
import org.kehou.core.outbox.DeliveryStatus;
import org.kehou.core.outbox.Outbox;
import org.springframework.stereotype.Component;

/**
 * TEMPLATESENDJOBFINISH: WeChat's report on a template message it accepted earlier, recorded on the outbox row the
 * send's msgid names (one indexed update), so "sent" means delivered. Nobody is answered.
 */
@Component
public class TemplateReportHandler implements WxMpMessageHandler {

  private final Outbox outbox;

  TemplateReportHandler(Outbox outbox) {
    this.outbox = outbox;
  }

  @Override
  public WxMpXmlOutMessage handle(WxMpXmlMessage message, Map<String, Object> context, WxMpService wechat,
      WxSessionManager sessions) {
    if (message.getMsgId() != null && message.getStatus() != null) {
      outbox.templateReported(message.getMsgId().toString(), status(message.getStatus()));
    }
    return null;
  }

  /** WeChat's words: {@code success}, {@code failed:user block}, {@code failed: system failed}. */
  static DeliveryStatus status(String reported) {
    String status = reported.strip().toLowerCase(java.util.Locale.ROOT);
    if (status.equals("success")) {
      return DeliveryStatus.DELIVERED;
    }
    return status.contains("user block") ? DeliveryStatus.USER_BLOCKED : DeliveryStatus.SYSTEM_FAILED;
  }
}
