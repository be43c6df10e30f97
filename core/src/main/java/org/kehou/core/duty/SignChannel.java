package org.kehou.core.duty;

/** Where a sign-in or sign-out came from: the admin API (the staff console uses it) or the staff member's WeChat. */
public enum SignChannel {
  CONSOLE,
  WECHAT
}
