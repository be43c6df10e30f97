package org.kehou.bot.outbox;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.common.error.WxRuntimeException;
import me.chanjar.weixin.mp.api.WxMpService;
import me.chanjar.weixin.mp.bean.kefu.WxMpKefuMessage;
import me.chanjar.weixin.mp.bean.template.WxMpTemplateData;
import me.chanjar.weixin.mp.bean.template.WxMpTemplateMessage;
import org.kehou.core.outbox.MessageKinds;
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
  /** Each known kind's template, worked out once: doing it per send was a fifth of the outbox's CPU at full speed. */
  private final Map<String, Optional<TemplateSpec>> templates;

  WeChatSender(WxMpService wechat, OutboxProperties properties, CustomerServiceWindow window) {
    this.wechat = wechat;
    this.properties = properties;
    this.window = window;
    this.templates = MessageKinds.all().keySet().stream()
        .collect(Collectors.toUnmodifiableMap(kind -> kind, properties::template));
  }

  /** One row on its own: its window is asked of Redis now. */
  Delivery send(OutboxMessage message) {
    return send(message, null);
  }

  /**
   * Whose window is open among the rows of a claimed batch that would need to know (those with a template, unless
   * templates are preferred anyway), in one Redis round trip instead of one per row; null when Redis failed, so that
   * each send asks again on its own and a Redis outage fails the row as it did before rather than choosing a channel.
   */
  Set<String> openWindows(List<OutboxMessage> messages) {
    if (properties.preferTemplates()) {
      return Set.of();
    }
    List<String> asking = messages.stream().filter(m -> template(m).isPresent()).map(OutboxMessage::openid).toList();
    if (asking.isEmpty()) {
      return Set.of();
    }
    try {
      return window.openAmong(asking);
    } catch (RuntimeException e) {
      log.warn("Customer-service windows of a batch could not be read; each send asks again", e);
      return null;
    }
  }

  /** @param openWindows from {@link #openWindows} for the row's batch; null: ask Redis for this row */
  Delivery send(OutboxMessage message, Set<String> openWindows) {
    Optional<TemplateSpec> template = template(message);
    try {
      if (template.isPresent() && (properties.preferTemplates() || !(openWindows == null
          ? window.isOpen(message.openid()) : openWindows.contains(message.openid())))) {
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

  private Optional<TemplateSpec> template(OutboxMessage message) {
    if (message.templateFields() == null) {
      return Optional.empty();
    }
    Optional<TemplateSpec> known = templates.get(message.kind());
    return known != null ? known : properties.template(message.kind());
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
