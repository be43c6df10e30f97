package org.kehou.core.lifecycle;

import org.kehou.core.agreement.AgreementReminders;
import org.kehou.core.agreement.AgreementService;
import org.kehou.core.agreement.Amendments;
import org.kehou.core.draw.Draws;
import org.kehou.core.publicity.PublicityService;
import org.kehou.core.waitlist.WaitlistService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The time-driven steps of the chain, run by the bot's clustered job: draws of offerings allocated at close, publicity
 * windows closing, agreement deadlines, expiring waitlist offers and reminders. Every step is idempotent and in its own
 * transaction, so a re-run after a node died mid-way repeats nothing and a failure in one application does not hold
 * up the others.
 */
@Service
public class LifecycleTicker {

  private static final Logger log = LoggerFactory.getLogger(LifecycleTicker.class);

  private final PublicityService publicity;
  private final AgreementService agreements;
  private final Amendments amendments;
  private final AgreementReminders agreementReminders;
  private final WaitlistService waitlist;
  private final Draws draws;

  LifecycleTicker(PublicityService publicity, AgreementService agreements, Amendments amendments,
      AgreementReminders agreementReminders, WaitlistService waitlist, Draws draws) {
    this.draws = draws;
    this.publicity = publicity;
    this.agreements = agreements;
    this.amendments = amendments;
    this.agreementReminders = agreementReminders;
    this.waitlist = waitlist;
  }

  public void tick() {
    // First: a child seated by a draw whose publicity is already over gets the agreement in this same tick.
    guarded("draw at close", 0, draws::drawDue);
    for (long id : publicity.windowsOver()) {
      guarded("offer agreement", id, () -> agreements.offer(id));
    }
    for (long id : agreements.pastDeadline()) {
      guarded("lapse agreement", id, () -> agreements.lapse(id));
    }
    for (long id : amendments.pastDeadline()) {
      guarded("lapse added seat", id, () -> amendments.lapse(id));
    }
    guarded("expire offers", 0, waitlist::expireOffers);
    guarded("remind agreements", 0, agreementReminders::remind);
    guarded("remind offers", 0, waitlist::remindHalfway);
  }

  /** @param id the application (or, for an added seat, the choice) the step is about; 0 for a whole-list step */
  private static void guarded(String step, long id, Runnable action) {
    try {
      action.run();
    } catch (RuntimeException e) {
      log.error("Lifecycle step '{}' failed for id {}", step, id, e);
    }
  }
}
