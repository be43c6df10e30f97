package org.kehou.admin.binding;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.kehou.admin.auth.Access;
import org.kehou.admin.classes.ClassAccess;
import org.kehou.admin.web.ApiException;
import org.kehou.admin.web.Problems;
import org.kehou.core.binding.BindingCodeNoTermException;
import org.kehou.core.binding.BindingCodeService;
import org.kehou.core.binding.BindingCodeSheetRow;
import org.kehou.core.binding.BindingSlip;
import org.kehou.core.binding.BindingSlips;
import org.kehou.core.binding.GuardianBoundException;
import org.kehou.core.binding.IssuedCode;
import org.kehou.core.roster.SchoolClass;
import org.kehou.core.staff.Staff;
import org.kehou.core.staff.StaffRole;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class BindingCodeController {

  private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

  private final BindingCodeService codes;
  private final BindingSlips slips;
  private final ClassAccess classes;
  private final BindingCodeSheet sheet;
  private final Problems problems;

  BindingCodeController(BindingCodeService codes, BindingSlips slips, ClassAccess classes, BindingCodeSheet sheet,
      Problems problems) {
    this.codes = codes;
    this.slips = slips;
    this.classes = classes;
    this.sheet = sheet;
    this.problems = problems;
  }

  @Operation(summary = "The class's binding-code sheet as CSV (UTF-8 with BOM), issuing codes where missing")
  @GetMapping("/api/v1/binding-codes")
  ResponseEntity<byte[]> sheet(Staff me, @RequestParam("class") String className) {
    Access.requireAnyOf(me, StaffRole.SCHOOL_ADMIN, StaffRole.CLASS_TEACHER);
    SchoolClass c = classes.byName(me, className);
    List<BindingCodeSheetRow> rows = codes.sheet(me.schoolId(), c.id());
    return ResponseEntity.ok()
        .contentType(CSV)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
            .filename(c.name() + ".csv", StandardCharsets.UTF_8).build().toString())
        .body(sheet.render(rows));
  }

  @Operation(summary = "The class's binding slips to print, one per guardian not bound: children, code and the WeChat "
      + "QR code's url (null while the bot creates it: poll until pending is 0), issuing codes where missing")
  @GetMapping("/api/v1/binding-slips")
  ResponseEntity<BindingSlip.Sheet> slips(Staff me, @RequestParam("class") String className) {
    Access.requireAnyOf(me, StaffRole.SCHOOL_ADMIN, StaffRole.CLASS_TEACHER);
    SchoolClass c = classes.byName(me, className);
    // Codes and QR urls bind a family's WeChat: no cache, shared or private, may keep them.
    return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(slips.sheet(me.schoolId(), c.id(), c.name()));
  }

  @Operation(summary = "Revoke and reissue the codes of one guardian or of a whole class; bound guardians get none "
      + "(409 for one bound guardian: use the reissue)")
  @PostMapping("/api/v1/binding-codes/regenerate")
  Map<String, Integer> regenerate(Staff me, @RequestBody RegenerateRequest body) {
    Access.requireAdmin(me);
    if ((body.guardianId() == null) == (body.className() == null)) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "REGENERATE_TARGET", "binding.regenerateTarget");
    }
    if (body.guardianId() != null) {
      if (!codes.regenerateForGuardian(me.schoolId(), body.guardianId())) {
        throw ApiException.notFound("GUARDIAN_NOT_FOUND", "error.guardianNotFound");
      }
      return Map.of("regenerated", 1);
    }
    SchoolClass c = classes.byName(me, body.className());
    return Map.of("regenerated", codes.regenerateForClass(me.schoolId(), c.id()));
  }

  @Operation(summary = "Reissue one guardian's code on purpose, bound or not; the code is in the answer, on no sheet")
  @PostMapping("/api/v1/guardians/{guardianId}/binding-code")
  IssuedCode reissue(Staff me, @PathVariable long guardianId) {
    Access.requireAdmin(me);
    return codes.reissue(me.schoolId(), guardianId)
        .orElseThrow(() -> ApiException.notFound("GUARDIAN_NOT_FOUND", "error.guardianNotFound"));
  }

  @ExceptionHandler(GuardianBoundException.class)
  ResponseEntity<ProblemDetail> bound() {
    return ResponseEntity.status(HttpStatus.CONFLICT)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problems.of(HttpStatus.CONFLICT, "GUARDIAN_BOUND", "binding.guardianBound", Map.of()));
  }

  @ExceptionHandler(BindingCodeNoTermException.class)
  ResponseEntity<ProblemDetail> noTerm() {
    return ResponseEntity.status(HttpStatus.CONFLICT)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problems.of(HttpStatus.CONFLICT, "NO_CURRENT_TERM", "binding.noCurrentTerm", Map.of()));
  }

  record RegenerateRequest(Long guardianId, @JsonProperty("class") String className) {
  }
}
