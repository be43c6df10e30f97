package org.kehou.core.pickup;

import java.time.LocalDateTime;

/**
 * Someone who may collect a child: a guardian from the roster ({@code guardian} true, never removable in the chat) or an
 * adult a guardian added (接送人), with who added it and when, and its removal if any.
 */
public record PickupAdult(long id, boolean guardian, String name, String relation, String phone, Long addedBy,
    String addedByName, LocalDateTime addedAt, Long removedBy, String removedByName, LocalDateTime removedAt) {

  public boolean live() {
    return removedAt == null;
  }
}
