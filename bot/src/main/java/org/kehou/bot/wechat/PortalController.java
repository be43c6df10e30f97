package org.kehou.bot.wechat;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** WeChat's webhook. */
@RestController
@RequestMapping("/wechat/portal")
class PortalController {

  private static final Logger log = LoggerFactory.getLogger(PortalController.class);
  private static final MediaType TEXT = new MediaType("text", "plain", java.nio.charset.StandardCharsets.UTF_8);
  private static final MediaType XML = new MediaType("application", "xml", java.nio.charset.StandardCharsets.UTF_8);

  private final Portal portal;

  PortalController(Portal portal) {
    this.portal = portal;
  }

  @GetMapping(produces = "text/plain;charset=UTF-8")
  String verify(@RequestParam(required = false) String signature, @RequestParam(required = false) String timestamp,
      @RequestParam(required = false) String nonce, @RequestParam(required = false) String echostr) {
    return portal.verify(new PortalRequest(signature, timestamp, nonce, null, null), echostr);
  }

  @PostMapping
  ResponseEntity<String> receive(@RequestParam(required = false) String signature,
      @RequestParam(required = false) String timestamp, @RequestParam(required = false) String nonce,
      @RequestParam(name = "encrypt_type", required = false) String encryptType,
      @RequestParam(name = "msg_signature", required = false) String msgSignature,
      HttpServletRequest request) throws IOException {
    String reply = portal.receive(new PortalRequest(signature, timestamp, nonce, encryptType, msgSignature),
        request.getInputStream());
    return ResponseEntity.ok().contentType(Portal.NO_REPLY.equals(reply) ? TEXT : XML).body(reply);
  }

  @ExceptionHandler(PortalRejection.class)
  ResponseEntity<String> rejected(PortalRejection rejection) {
    log.info("Webhook call refused ({}): {}", rejection.status().value(), rejection.getMessage());
    return ResponseEntity.status(rejection.status()).contentType(TEXT).body(rejection.status().getReasonPhrase());
  }
}
