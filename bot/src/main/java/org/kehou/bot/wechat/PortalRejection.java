package org.kehou.bot.wechat;

import org.springframework.http.HttpStatus;

/** A webhook request refused before any handler ran; the reason is logged, never shown with a trace. */
class PortalRejection extends RuntimeException {

  private final HttpStatus status;

  PortalRejection(HttpStatus status, String reason) {
    super(reason, null, false, false);
    this.status = status;
  }

  static PortalRejection forbidden(String reason) {
    return new PortalRejection(HttpStatus.FORBIDDEN, reason);
  }

  static PortalRejection badRequest(String reason) {
    return new PortalRejection(HttpStatus.BAD_REQUEST, reason);
  }

  HttpStatus status() {
    return status;
  }
}
