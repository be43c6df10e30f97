package org.kehou.core.outbox;

/** WeChat's later report on a template message it accepted (TEMPLATESENDJOBFINISH). */
public enum DeliveryStatus {
  /** It reached the parent's WeChat. */
  DELIVERED,
  /** The parent has refused the account's template messages. */
  USER_BLOCKED,
  /** WeChat could not deliver it for reasons of its own. */
  SYSTEM_FAILED
}
