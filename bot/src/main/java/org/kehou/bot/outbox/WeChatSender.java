package org.kehou.bot.outbox;

import java.util.LinkedHashMap;
import java.util.Map;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.common.error.WxRuntimeException;
import me.chanjar.weixin.mp.api.WxMpService;
import me.chanjar.weixin.mp.bean.kefu.WxMpKefuMessage;
import me.chanjar.weixin.mp.bean.template.WxMpTemplateData;
import me.chanjar.weixin.mp.bean.template.WxMpTemplateMessage;
import org.kehou.core.outbox.OutboxMessage;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Sends one outbox row: a template message where the kind has a template id, else a customer-service text. */
@Component
class WeChatSender {

  private static final JsonMapper JSON = JsonMapper.shared();
  private static final TypeReference<LinkedHashMap<String, String>> FIELDS = new TypeReference<>() { };

  private final WxMpService wechat;
  private final OutboxProperties properties;

  WeChatSender(WxMpService wechat, OutboxProperties properties) {
    this.wechat = wechat;
    this.properties = properties;
  }

  Delivery send(OutboxMessage message) {
    String templateId = properties.templateIds().get(message.kind());
    try {
      if (templateId != null && message.templateFields() != null) {
        String msgId = wechat.getTemplateMsgService().sendTemplateMsg(template(message, templateId));
        return Delivery.sent("TEMPLATE", msgId);
      }
      wechat.getKefuService().sendKefuMessage(
          WxMpKefuMessage.TEXT().toUser(message.openid()).content(message.body()).build());
      return Delivery.sent("CUSTOMER", null);
    } catch (WxErrorException e) {
      return Delivery.fromError(e.getError().getErrorCode(), e.getError().getErrorMsg());
    } catch (WxRuntimeException e) {
      // WxJava gives up on "system busy" with an unchecked exception once its own retries are spent.
      return Delivery.fromError(-1, e.getMessage());
    }
  }

  private static WxMpTemplateMessage template(OutboxMessage message, String templateId) {
    Map<String, String> fields = readFields(message.templateFields());
    WxMpTemplateMessage template = WxMpTemplateMessage.builder().toUser(message.openid()).templateId(templateId).build();
    fields.forEach((name, value) -> template.addData(new WxMpTemplateData(name, value)));
    return template;
  }

  private static Map<String, String> readFields(String json) {
    try {
      return JSON.readValue(json, FIELDS);
    } catch (JacksonException e) {
      throw new IllegalStateException("Outbox row has unreadable template fields", e);
    }
  }
}
