package org.kehou.admin.handover;

import io.swagger.v3.oas.annotations.Operation;
import java.time.LocalDate;
import org.kehou.core.handover.Collector;
import org.kehou.core.handover.Handovers;
import org.kehou.core.staff.Staff;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The hand-over at the end of a session and early leave, recorded by the session's teacher or a school admin; every
 * record tells the child's guardians who took the child and when.
 */
@RestController
class HandoverController {

  /** Early leave: who takes the child (a guardian or an added adult) and why. */
  record EarlyLeave(Long guardianId, Long pickupAdultId, String reason) {
  }

  private final Handovers handovers;

  HandoverController(Handovers handovers) {
    this.handovers = handovers;
  }

  @Operation(summary = "Each child of the session: the roll call's mark, how they left (latest record) and every record")
  @GetMapping("/api/v1/sessions/{offeringId}/{date}/handovers")
  Handovers.SessionDepartures read(Staff me, @PathVariable long offeringId,
      @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
    return handovers.read(me, offeringId, date);
  }

  @Operation(summary = "Record who collected a present child ({guardianId} | {pickupAdultId} | {homeAlone: true}); "
      + "a second record for the child is a correction; 409 NOT_AUTHORISED lists who may collect the child")
  @PutMapping("/api/v1/sessions/{offeringId}/{date}/handovers/{studentId}")
  Handovers.SessionDepartures handOver(Staff me, @PathVariable long offeringId,
      @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date, @PathVariable long studentId,
      @RequestBody Collector collector) {
    return handovers.handOver(me, offeringId, date, studentId, collector);
  }

  @Operation(summary = "Register early leave (提前离校): the authorised adult and a reason; the guardians are told")
  @PostMapping("/api/v1/sessions/{offeringId}/{date}/early-leave/{studentId}")
  Handovers.SessionDepartures earlyLeave(Staff me, @PathVariable long offeringId,
      @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date, @PathVariable long studentId,
      @RequestBody EarlyLeave request) {
    return handovers.earlyLeave(me, offeringId, date, studentId,
        new Collector(request.guardianId(), request.pickupAdultId(), null), request.reason());
  }
}
