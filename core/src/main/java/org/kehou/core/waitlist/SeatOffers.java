package org.kehou.core.waitlist;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.kehou.core.lifecycle.GuardianNotices;
import org.kehou.core.text.Texts;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Hands a seat to a child on the waitlist and asks their guardians to accept (SeatKeeper decides which child). */
@Component
class SeatOffers {

  static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final SeatMapper seats;
  private final GuardianNotices notices;
  private final Texts texts;
  private final Clock clock;
  private final Duration offerValidity;

  SeatOffers(SeatMapper seats, GuardianNotices notices, Texts texts, Clock clock,
      @Value("${kehou.waitlist.offer-validity:48h}") Duration offerValidity) {
    this.seats = seats;
    this.notices = notices;
    this.texts = texts;
    this.clock = clock;
    this.offerValidity = offerValidity;
  }

  /** Offers the waitlisted choice its seat and asks the guardians to accept. The caller holds the offering's lock. */
  void offer(long choiceId) {
    Offer offer = seats.offerOf(choiceId);
    LocalDateTime now = LocalDateTime.now(clock);
    LocalDateTime expires = now.plus(offerValidity);
    seats.offer(choiceId, now, expires);
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("child", offer.studentName());
    fields.put("offering", offer.offeringName());
    fields.put("expires", WHEN.format(expires));
    notices.tell(offer.schoolId(), offer.studentId(), "waitlist-offer:" + choiceId, "waitlist-offer",
        texts.message("waitlist.offered", Map.of("child", offer.studentName(), "offering", offer.offeringName(),
            "expires", WHEN.format(expires))), fields, null);
  }
}
