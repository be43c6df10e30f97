package org.kehou.core.outbox;

import java.time.LocalDateTime;

/**
 * One message to one WeChat user, as the outbox holds it. {@code body} is the customer-service text (and the archive of
 * what the parent was told); {@code templateFields} the same content as named values ({@code child}, {@code deadline}…),
 * as JSON, which each kind's configured template maps onto its own field keys. {@code deliveryStatus} is WeChat's later
 * report on a template message (null until it arrives, and for customer-service messages). A row is for a guardian or
 * for a staff member ({@code staffId}, a staff alert): exactly one of the two is set. {@code link}, when set, is the page a template message opens (a notice's
 * signed link).
 */
public record OutboxMessage(
    long id,
    long schoolId,
    Long guardianId,
    Long studentId,
    String openid,
    String kind,
    String dedupKey,
    String body,
    String templateFields,
    OutboxState state,
    int attempts,
    LocalDateTime nextAttemptAt,
    String channel,
    String wechatMsgId,
    Integer lastErrorCode,
    String lastError,
    LocalDateTime createdAt,
    LocalDateTime sentAt,
    DeliveryStatus deliveryStatus,
    LocalDateTime deliveryReportedAt,
    Long staffId,
    String link) {
}
