package org.kehou.bot.wechat;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import me.chanjar.weixin.mp.api.WxMpMessageRouter;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import me.chanjar.weixin.mp.bean.message.WxMpXmlOutMessage;
import me.chanjar.weixin.mp.config.WxMpConfigStorage;
import me.chanjar.weixin.mp.util.crypto.WxMpCryptUtil;
import org.kehou.core.cache.CacheEpochs;
import org.kehou.core.text.Texts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The webhook's work, in order: URL signature and timestamp window (403), no plain call once safe mode is configured
 * (403), bounded body (400), safe-mode envelope (403/400), parse (400), the signature's single use together with the
 * dedup claim across instances (403 for a signature that came with another message), route, reply (encrypted in safe
 * mode). WeChat treats {@code success} as "no reply".
 */
@Service
class Portal {

  static final String NO_REPLY = "success";
  private static final Logger log = LoggerFactory.getLogger(Portal.class);

  private final WxMpConfigStorage config;
  private final WxMpMessageRouter router;
  private final MessageDedup dedup;
  private final CacheEpochs epochs;
  private final Texts texts;
  private final WechatProperties properties;
  private final SafeMode safeMode;
  private final Clock clock;

  Portal(WxMpConfigStorage config, WxMpMessageRouter router, MessageDedup dedup, CacheEpochs epochs, Texts texts,
      WechatProperties properties, Clock clock) {
    this.epochs = epochs;
    this.config = config;
    this.router = router;
    this.dedup = dedup;
    this.texts = texts;
    this.properties = properties;
    this.safeMode = new SafeMode(properties);
    this.clock = clock;
  }

  /** WeChat's URL verification when the webhook is registered. */
  String verify(PortalRequest request, String echostr) {
    checkSignature(request);
    return echostr == null ? "" : echostr;
  }

  String receive(PortalRequest request, InputStream body) {
    long secondsLeft = checkSignature(request);
    if (safeMode.configured() && !request.safeMode()) {
      // With an EncodingAESKey the account is in safe (or compatible) mode and WeChat always encrypts. A plain call
      // would be someone posting their own body under a signed URL, which plain mode's signature does not cover.
      throw PortalRejection.forbidden("plain message while safe mode is configured");
    }
    byte[] bytes = read(body);
    WxMpXmlMessage message = parse(request.safeMode() ? safeMode.open(request, bytes) : utf8(bytes));
    try {
      return answer(request, new MessageDedup.Call(request.signature(), secondsLeft), message);
    } catch (PortalRejection e) {
      throw e;
    } catch (RuntimeException e) {
      // Redis or the database failing must still give the parent a polite answer, never an error page.
      log.warn("Could not answer a {} message", message.getMsgType(), e);
      return sorry(request, message);
    }
  }

  private String answer(PortalRequest request, MessageDedup.Call call, WxMpXmlMessage message) {
    MessageDedup.Claim claim = dedup.claim(message, call);
    if (claim instanceof MessageDedup.Replayed) {
      throw PortalRejection.forbidden("signature already used for another message");
    }
    if (claim instanceof MessageDedup.Answered answered) {
      return answered.body();
    }
    if (claim instanceof MessageDedup.Running) {
      return NO_REPLY;
    }
    MessageDedup.First first = (MessageDedup.First) claim;
    String reply;
    try {
      // Every cached read while answering checks the epochs read with the claim: no further Redis round trip.
      reply = render(request, epochs.pinned(first.epochs(), () -> router.route(SpokenText.asTyped(MenuClick.asCommand(message)))));
    } catch (RuntimeException e) {
      log.warn("Handler failed for a {} message", message.getMsgType(), e);
      dedup.release(first);
      return sorry(request, message);
    }
    dedup.answered(first, reply);
    return reply;
  }

  private String sorry(PortalRequest request, WxMpXmlMessage message) {
    return render(request, WxMpXmlOutMessage.TEXT().content(texts.message("common.retry"))
        .fromUser(message.getToUser()).toUser(message.getFromUser()).build());
  }

  private String render(PortalRequest request, WxMpXmlOutMessage out) {
    if (out == null) {
      return NO_REPLY;
    }
    String xml = OutboundXml.of(out);
    return request.safeMode() ? new WxMpCryptUtil(config).encrypt(xml) : xml;
  }

  /**
   * The URL signature (token, timestamp, nonce) and the timestamp's window, in every mode.
   *
   * @return how many more seconds the timestamp lies in the window (at least one)
   */
  private long checkSignature(PortalRequest request) {
    long sent = request.sentAt();
    if (sent < 0 || request.nonce() == null || request.nonce().isEmpty() || request.signature() == null) {
      throw PortalRejection.forbidden("unsigned call or bad timestamp");
    }
    String expected = Signatures.sign(properties.token(), request.timestamp(), request.nonce());
    if (!Signatures.matches(expected, request.signature())) {
      throw PortalRejection.forbidden("bad signature");
    }
    long now = Instant.now(clock).getEpochSecond();
    long window = properties.maxMessageAge().toSeconds();
    if (Math.abs(now - sent) > window) {
      throw PortalRejection.forbidden("timestamp outside the window");
    }
    return sent + window - now + 1;
  }

  private byte[] read(InputStream body) {
    try {
      byte[] bytes = body.readNBytes(properties.maxBodyBytes() + 1);
      if (bytes.length > properties.maxBodyBytes()) {
        throw PortalRejection.badRequest("body too large");
      }
      if (bytes.length == 0) {
        throw PortalRejection.badRequest("empty body");
      }
      return bytes;
    } catch (IOException e) {
      throw PortalRejection.badRequest("unreadable body");
    }
  }

  private static String utf8(byte[] bytes) {
    try {
      return InboundXml.utf8(bytes);
    } catch (IllegalArgumentException e) {
      throw PortalRejection.badRequest(e.getMessage());
    }
  }

  private static WxMpXmlMessage parse(String xml) {
    WxMpXmlMessage message;
    try {
      message = InboundXml.parse(xml);
    } catch (IllegalArgumentException e) {
      throw PortalRejection.badRequest(e.getMessage());
    }
    if (message.getFromUser() == null || message.getToUser() == null || message.getMsgType() == null) {
      throw PortalRejection.badRequest("incomplete message");
    }
    return message;
  }
}
