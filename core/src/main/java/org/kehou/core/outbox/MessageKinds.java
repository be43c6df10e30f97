package org.kehou.core.outbox;

import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every kind of message Kehou pushes to parents and staff, with the named values each row carries for a template message. An
 * operator maps a kind's template fields onto these names; the bot reports the kinds that have no template.
 */
public final class MessageKinds {

  private static final Map<String, List<String>> VALUES = new LinkedHashMap<>();
  /** Kinds sent to staff (org.kehou.core.staff.StaffAlerts) rather than to parents. */
  private static final Set<String> STAFF = new HashSet<>();

  static {
    VALUES.put("agreement-ready", List.of("child", "title", "deadline"));
    VALUES.put("agreement-reminder", List.of("child", "deadline"));
    VALUES.put("agreement-updated", List.of("child"));
    VALUES.put("agreement-update-signed", List.of("child", "signer"));
    VALUES.put("agreement-signed", List.of("child", "signer", "activeFrom"));
    VALUES.put("agreement-lapsed", List.of("child"));
    VALUES.put("agreement-amendment", List.of("child", "offering", "deadline"));
    VALUES.put("agreement-amendment-reminder", List.of("child", "offering", "deadline"));
    VALUES.put("agreement-amendment-lapsed", List.of("child", "offering"));
    VALUES.put("application-rejected", List.of("child", "result", "reason"));
    VALUES.put("waitlist-offer", List.of("child", "offering", "expires"));
    VALUES.put("waitlist-offer-reminder", List.of("child", "offering", "expires"));
    VALUES.put("waitlist-expired", List.of("child", "offering"));
    // One per guardian and run of draws: child and offering list every child and offering the run placed.
    VALUES.put("draw-result", List.of("child", "offering", "result"));
    VALUES.put("withdrawn", List.of("child", "endsOn"));
    VALUES.put("ended-by-school", List.of("child", "endsOn", "reason"));
    VALUES.put("service-cancelled", List.of("child", "date", "reason"));
    VALUES.put("service-resumed", List.of("child", "date"));
    VALUES.put("season-times", List.of("child", "from", "endsAt"));
    // Urgent: a child marked absent at roll call; never held by the quiet hours.
    VALUES.put("absence-alert", List.of("child", "offering", "date", "startsAt"));
    // A guardian changed who may collect the child (接送人); the child's other guardians are told.
    VALUES.put("pickup-adults-changed", List.of("child", "by", "change"));
    VALUES.put("home-alone-changed", List.of("child", "by", "change"));
    // Sent whatever the quiet hours: who took the child home and when (a correction says so in its text).
    VALUES.put("handed-over", List.of("child", "collector", "time"));
    VALUES.put("early-leave", List.of("child", "collector", "time", "reason"));
    // The session has ended (sent whatever the quiet hours), and a second one when nobody came in time.
    VALUES.put("pickup-ready", List.of("child", "offering", "time", "place"));
    VALUES.put("pickup-late", List.of("child", "offering", "time", "place"));
    // A notice from the school (通知), one message per guardian naming each of their children in it; its link opens the
    // notice's page. The urgent kinds are never held by the quiet hours.
    VALUES.put("notice", List.of("child", "title", "sender", "sentAt"));
    VALUES.put("notice-urgent", List.of("child", "title", "sender", "sentAt"));
    VALUES.put("notice-reminder", List.of("child", "title", "deadline"));
    VALUES.put("notice-urgent-reminder", List.of("child", "title", "deadline"));
    // The monthly statement of a child's fees (课后服务费), with how it was counted and any correction.
    VALUES.put("fee-statement", List.of("child", "month", "amount"));
    staff("withdrawal", "child", "endsOn");
    // About a child's safety now, like absence-alert: never held by the quiet hours (QuietHours holds listed kinds).
    staff("absence", "child", "className", "offering", "date", "startsAt");
    staff("absence-escalated", "child", "className", "offering", "date", "minutes");
    staff("roll-call-missing", "offering", "date", "startsAt");
    // Nothing to do about them before the morning: held by the quiet hours (LeaveService.STAFF_KINDS).
    staff("leave", "child", "className", "day", "reason");
    staff("leave-cancelled", "child", "className", "day");
    staff("pickup-overdue", "child", "offering", "time");
    staff("pickup-overdue-escalated", "child", "offering", "time");
    // An urgent notice still unconfirmed: its sender is told how many children and which.
    staff("notice-unconfirmed", "title", "count");
    // A session of today short of staff under the school's ratios: the school admins, once per session and day.
    staff("staffing-short", "offering", "date", "shortage");
  }

  private static void staff(String kind, String... values) {
    VALUES.put(kind, List.of(values));
    STAFF.add(kind);
  }

  /** A kind a staff alert may have; staff alerts must use one of these, parents' messages need not. */
  public static boolean isStaffKind(String kind) {
    return STAFF.contains(kind);
  }

  private MessageKinds() {
  }

  /**
   * A kind listed here must carry every one of its values, or an operator's template for it would go out half empty.
   * @throws IllegalArgumentException naming the missing values
   */
  static void check(String kind, Map<String, String> fields) {
    List<String> values = VALUES.get(kind);
    if (values != null && (fields == null || !fields.keySet().containsAll(values))) {
      throw new IllegalArgumentException("A " + kind + " message needs the values " + values + ", got "
          + (fields == null ? "none" : fields.keySet()));
    }
  }

  /** Kind to the names of its values, in the order above. */
  public static Map<String, List<String>> all() {
    return Collections.unmodifiableMap(VALUES);
  }
}
