package org.kehou.core.handover;

import org.kehou.core.pickup.PickupAdult;

/**
 * Someone the gate may hand a child to, as staff pick them: a guardian of the roster ({@code guardianId}) or an adult a
 * guardian added ({@code pickupAdultId}), with name and relation. No phone number: whoever records the hand-over sees
 * the same names a refusal ({@code NOT_AUTHORISED}) would list, and nothing more.
 */
public record Collectable(Long guardianId, Long pickupAdultId, String name, String relation) {

  static Collectable of(PickupAdult adult) {
    return adult.guardian() ? new Collectable(adult.id(), null, adult.name(), adult.relation())
        : new Collectable(null, adult.id(), adult.name(), adult.relation());
  }
}
