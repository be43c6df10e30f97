package org.kehou.admin.review;

import io.swagger.v3.oas.annotations.Operation;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.kehou.core.publicity.PublicityEntry;
import org.kehou.core.publicity.PublicityService;
import org.kehou.core.staff.Staff;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The publicised list (公示) is public by nature, so every staff member reads all of it: class, masked name,
 * offerings, end of the window. No priority flag ever appears (the core entry has none).
 */
@RestController
class PublicityController {

  private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

  private final PublicityService publicity;
  private final PublicityCsv csv;
  private final TermScope terms;

  PublicityController(PublicityService publicity, PublicityCsv csv, TermScope terms) {
    this.publicity = publicity;
    this.csv = csv;
    this.terms = terms;
  }

  @Operation(summary = "Applications in publicity as JSON, or as CSV (UTF-8 with BOM) with Accept: text/csv or format=csv")
  @GetMapping("/api/v1/publicity")
  ResponseEntity<?> list(Staff me, @RequestParam(required = false) Long termId,
      @RequestParam(required = false) String format, @RequestHeader(value = HttpHeaders.ACCEPT, required = false)
      String accept) {
    List<PublicityEntry> entries = terms.resolve(me, termId).map(publicity::list).orElse(List.of());
    if (!wantsCsv(format, accept)) {
      return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(entries);
    }
    return ResponseEntity.ok()
        .contentType(CSV)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
            .filename("publicity.csv", StandardCharsets.UTF_8).build().toString())
        .body(csv.render(entries));
  }

  private static boolean wantsCsv(String format, String accept) {
    if (format != null) {
      return "csv".equalsIgnoreCase(format.strip());
    }
    return accept != null && MediaType.parseMediaTypes(accept).stream()
        .anyMatch(type -> type.getType().equals("text") && type.getSubtype().equals("csv"));
  }
}
