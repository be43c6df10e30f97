package org.kehou.bot.wechat;

/** The query parameters WeChat signs a webhook call with; any of them may be missing in a forged call. */
record PortalRequest(String signature, String timestamp, String nonce, String encryptType, String msgSignature) {

  boolean safeMode() {
    return "aes".equalsIgnoreCase(encryptType);
  }
}
