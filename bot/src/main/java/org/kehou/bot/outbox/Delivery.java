package org.kehou.bot.outbox;

/** The outcome of one send attempt, as the dispatcher settles it. */
record Delivery(Outcome outcome, String channel, String wechatMsgId, int errorCode, String error) {

  enum Outcome { SENT, RETRY, FAILED, RECIPIENT_LEFT }

  static Delivery sent(String channel, String wechatMsgId) {
    return new Delivery(Outcome.SENT, channel, wechatMsgId, 0, null);
  }

  /**
   * WeChat's error codes sorted into what to do next. Busy (-1), network and HTTP failures (-99: WxJava's code for an
   * IOException, including 5xx answers) and the daily quota (45009) pass; refusals are final.
   */
  static Delivery fromError(int code, String message) {
    Outcome outcome = switch (code) {
      case -1, -99, 45009, 45047 -> Outcome.RETRY;
      case 43004 -> Outcome.RECIPIENT_LEFT;
      default -> Outcome.FAILED;
    };
    return new Delivery(outcome, null, null, code, message);
  }
}
