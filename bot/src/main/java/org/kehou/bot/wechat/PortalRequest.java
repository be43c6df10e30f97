package org.kehou.bot.wechat;

/** The query parameters WeChat signs a webhook call with; any of them may be missing in a forged call. */
record PortalRequest(String signature, String timestamp, String nonce, String encryptType, String msgSignature) {

  boolean safeMode() {
    return "aes".equalsIgnoreCase(encryptType);
  }

  /** The signed timestamp in epoch seconds; -1 when it is missing, empty or anything but plain digits. */
  long sentAt() {
    if (timestamp == null || timestamp.isEmpty() || timestamp.length() > 12) {
      return -1;
    }
    for (int i = 0; i < timestamp.length(); i++) {
      if (timestamp.charAt(i) < '0' || timestamp.charAt(i) > '9') {
        return -1;
      }
    }
    return Long.parseLong(timestamp);
  }
}
