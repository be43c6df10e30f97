package org.kehou.admin.review;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import java.util.List;
import org.kehou.admin.review.ReviewRequests.Reason;
import org.kehou.admin.review.ReviewRequests.Resolution;
import org.kehou.core.lifecycle.Reviewer;
import org.kehou.core.publicity.Objection;
import org.kehou.core.publicity.PublicityService;
import org.kehou.core.staff.Staff;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Objections raised during publicity: any staff member who can see the application records one; an admin resolves. */
@RestController
class ObjectionController {

  private final PublicityService publicity;

  ObjectionController(PublicityService publicity) {
    this.publicity = publicity;
  }

  @Operation(summary = "Record an objection against an application in publicity; answers its objections")
  @PostMapping("/api/v1/applications/{id}/objections")
  @ResponseStatus(HttpStatus.CREATED)
  List<Objection> record(Staff me, @PathVariable long id, @RequestBody Reason body) {
    Reviewer reviewer = Reviewers.of(me);
    publicity.recordObjection(reviewer, id, body.reason());
    return publicity.objections(reviewer, id);
  }

  @GetMapping("/api/v1/applications/{id}/objections")
  List<Objection> list(Staff me, @PathVariable long id) {
    return publicity.objections(Reviewers.of(me), id);
  }

  @Operation(summary = "An admin resolves an open objection; upheld rejects the application and tells the parents")
  @PostMapping("/api/v1/objections/{id}/resolution")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void resolve(Staff me, @PathVariable long id, @Valid @RequestBody Resolution body) {
    publicity.resolveObjection(Reviewers.of(me), id, body.upheld(), body.note());
  }
}
