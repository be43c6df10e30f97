package org.kehou.core.lifecycle;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.kehou.core.text.Texts;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Hands a freed seat to the first child on the offering's waitlist, and asks their guardians to accept. */
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

  /** Offers every free seat of the offering, one waitlisted child at a time. Runs in the caller's transaction. */
  void fill(long offeringId) {
    int capacity = seats.lockOffering(offeringId);
    while (seats.held(offeringId) < capacity) {
      Offer offer = seats.firstWaitlisted(offeringId).orElse(null);
      if (offer == null) {
        return;
      }
      LocalDateTime now = LocalDateTime.now(clock);
      LocalDateTime expires = now.plus(offerValidity);
      seats.offer(offer.choiceId(), now, expires);
      Map<String, String> fields = new LinkedHashMap<>();
      fields.put("child", offer.studentName());
      fields.put("offering", offer.offeringName());
      fields.put("expires", WHEN.format(expires));
      notices.tell(offer.schoolId(), offer.studentId(), "waitlist-offer:" + offer.choiceId(), "waitlist-offer",
          texts.message("waitlist.offered", Map.of("child", offer.studentName(), "offering", offer.offeringName(),
              "expires", WHEN.format(expires))), fields, null);
    }
  }
}
