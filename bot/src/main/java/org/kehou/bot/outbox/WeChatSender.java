package org.kehou.bot.outbox;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.common.error.WxRuntimeException;
import me.chanjar.weixin.mp.api.WxMpService;
import me.chanjar.weixin.mp.bean.kefu.WxMpKefuMessage;
import me.chanjar.weixin.mp.bean.template.WxMpTemplateData;
import me.chanjar.weixin.mp.bean.template.WxMpTemplateMessage;
import org.kehou.core.outbox.OutboxMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends one outbox row. Inside the follower's customer-service window the full text goes as a customer-service
 * message; outside it, or when WeChat says the window is closed or used up (45015, 45047), the kind's template goes
 * instead. A kind without a template still tries the text, and WeChat's refusal becomes the row's reason.
 */
@Component
class WeChatSender {

  static final String TEMPLATE = "TEMPLATE";
  static final String CUSTOMER = "CUSTOMER";
  private static final Logger log = LoggerFactory.getLogger(WeChatSender.class);
  private static final JsonMapper JSON = JsonMapper.shared();
  private static final TypeReference<LinkedHashMap<String, String>> FIELDS = new TypeReference<>() { };

  private final WxMpService wechat;
  private final OutboxProperties properties;
  private final CustomerServiceWindow window;

  WeChatSender(WxMpService wechat, OutboxProperties properties, CustomerServiceWindow window) {
    this.wechat = wechat;
    this.properties = properties;
    this.window = window;
  }

  Delivery send(OutboxMessage message) {
    Optional<TemplateSpec> template = message.templateFields() == null ? Optional.empty()
        : properties.template(message.kind());
    try {
      if (template.isPresent() && (properties.preferTemplates() || !window.isOpen(message.openid()))) {
        return sendTemplate(message, template.get());
      }
      try {
        wechat.getKefuService().sendKefuMessage(
            WxMpKefuMessage.TEXT().toUser(message.openid()).content(message.body()).build());
        return Delivery.sent(CUSTOMER, null);
      } catch (WxErrorException e) {
        int code = e.getError().getErrorCode();
        if ((code == 45015 || code == 45047) && template.isPresent()) {
          return sendTemplate(message, template.get());
        }
        throw e;
      }
    } catch (WxErrorException e) {
      // WxJava's own log line would carry the access token and the message; this one names only the row.
      log.warn("WeChat refused outbox message {} ({}): errcode {}", message.id(), message.kind(),
          e.getError().getErrorCode());
      return Delivery.fromError(e.getError().getErrorCode(), e.getError().getErrorMsg());
    } catch (WxRuntimeException e) {
      // WxJava gives up on "system busy" with an unchecked exception once its own retries are spent.
      return Delivery.fromError(-1, e.getMessage());
    }
  }

  private Delivery sendTemplate(OutboxMessage message, TemplateSpec template) throws WxErrorException {
    WxMpTemplateMessage out = WxMpTemplateMessage.builder().toUser(message.openid()).templateId(template.id())
        .url(message.link()).build();
    template.data(readFields(message.templateFields()))
        .forEach((key, value) -> out.addData(new WxMpTemplateData(key, value)));
    return Delivery.sent(TEMPLATE, wechat.getTemplateMsgService().sendTemplateMsg(out));
  }

  private static Map<String, String> readFields(String json) {
    try {
      return JSON.readValue(json, FIELDS);
    } catch (JacksonException e) {
      throw new IllegalStateException("Outbox row has unreadable template fields", e);
    }
  }
}
