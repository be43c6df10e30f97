package org.kehou.admin.offering;

import io.swagger.v3.oas.annotations.Operation;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.kehou.admin.auth.Access;
import org.kehou.admin.web.ApiException;
import org.kehou.admin.web.Problems;
import org.kehou.core.draw.DrawEntrant;
import org.kehou.core.draw.DrawRecord;
import org.kehou.core.draw.DrawReport;
import org.kehou.core.draw.Draws;
import org.kehou.core.draw.Lottery;
import org.kehou.core.offering.Offering;
import org.kehou.core.offering.OfferingMapper;
import org.kehou.core.staff.Staff;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The draw of an offering allocated at close, for the school admin only: the entrants' reasons name their priority
 * flags, which class teachers (other than the child's own) and parents never see.
 */
@RestController
class DrawController {

  private final Draws draws;
  private final OfferingMapper offerings;
  private final Problems problems;

  DrawController(Draws draws, OfferingMapper offerings, Problems problems) {
    this.draws = draws;
    this.offerings = offerings;
    this.problems = problems;
  }

  @Operation(summary = "The offering's draw: seed, the rule to compute the lottery order again, entrants in seat order")
  @GetMapping("/api/v1/offerings/{id}/draw")
  DrawView draw(Staff me, @PathVariable long id) {
    Access.requireAdmin(me);
    Offering offering = offerings.findById(id).filter(o -> o.schoolId() == me.schoolId())
        .orElseThrow(() -> ApiException.notFound("OFFERING_NOT_FOUND", "error.offeringNotFound"));
    DrawReport report = draws.report(offering.id())
        .orElseThrow(() -> ApiException.notFound("DRAW_NOT_FOUND", "offering.drawNotFound"));
    return DrawView.of(offering, report, problems.text("offering.drawRule", Map.of()));
  }

  /**
   * @param rule     how to compute the lottery order again from the seed and the entrants' application ids
   * @param entrants in seat order: priority children first, each group in lottery order; {@code lotteryKey} is the
   *                 SHA-256 the rank comes from
   */
  record DrawView(long offeringId, String offering, String seed, LocalDateTime closesAt, LocalDateTime drawnAt,
      int capacity, int freeSeats, int entrantCount, int seated, String rule, List<Entrant> entrants) {

    static DrawView of(Offering offering, DrawReport report, String rule) {
      DrawRecord d = report.draw();
      return new DrawView(offering.id(), offering.name(), d.seed(), d.closesAt(), d.drawnAt(), d.capacity(),
          d.freeSeats(), d.entrants(), d.seated(), rule,
          report.order().stream().map(e -> Entrant.of(d.seed(), e)).toList());
    }
  }

  /**
   * @param outcome SEATED or WAITLISTED as the draw left it; {@code status} is the choice's status today
   * @param reason  PRIORITY (seated or waitlisted ahead of the lottery as a left-behind or hardship child) or LOTTERY
   */
  record Entrant(int lotteryRank, String lotteryKey, long applicationId, long studentId, String child,
      String className, String outcome, String reason, String status) {

    static Entrant of(String seed, DrawEntrant e) {
      return new Entrant(e.lotteryRank(), Lottery.key(seed, e.applicationId()), e.applicationId(), e.studentId(),
          e.child(), e.className(), e.outcome(), e.reason(), e.status());
    }
  }
}
