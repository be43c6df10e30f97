package org.kehou.admin.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.kehou.core.lifecycle.ReviewRefused;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error leaves as a problem detail with a Chinese explanation and a stable {@code code}; never a stack trace.
 * Spring's own MVC errors (unreadable JSON, unknown route, wrong method) get their text from the templates too.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

  private final Problems problems;

  ProblemHandler(Problems problems) {
    this.problems = problems;
  }

  @ExceptionHandler(ApiException.class)
  ResponseEntity<ProblemDetail> api(ApiException e) {
    HttpHeaders headers = new HttpHeaders();
    if (e instanceof RetryLater later) {
      headers.set(HttpHeaders.RETRY_AFTER, Long.toString(later.retryAfterSeconds()));
    }
    return ResponseEntity.status(e.status()).headers(headers).body(problems.of(e));
  }

  /** A review step the policy forbids: the core says why, this says how loudly. */
  @ExceptionHandler(ReviewRefused.class)
  ResponseEntity<ProblemDetail> refused(ReviewRefused e) {
    HttpStatus status = switch (e.kind()) {
      case NOT_FOUND -> HttpStatus.NOT_FOUND;
      case NOT_YOURS -> HttpStatus.FORBIDDEN;
      case ILLEGAL_TRANSITION -> HttpStatus.CONFLICT;
      case INVALID -> HttpStatus.BAD_REQUEST;
    };
    return ResponseEntity.status(status).body(problems.of(status, e));
  }

  /** A unique key hit by a concurrent request: the row exists already. */
  @ExceptionHandler(DuplicateKeyException.class)
  ResponseEntity<ProblemDetail> duplicate(DuplicateKeyException e) {
    // The database's message quotes the duplicate value, which may be a phone number: it stays out of the log.
    log.info("Refused a row that duplicates a unique key ({})", e.getMostSpecificCause().getClass().getSimpleName());
    return ResponseEntity.status(HttpStatus.CONFLICT)
        .body(problems.of(HttpStatus.CONFLICT, "CONFLICT", "error.conflict", Map.of()));
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
    log.error("Unexpected error on {} {}", request.getMethod(), request.getRequestURI(), e);
    return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
        .body(problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL", "error.internal", Map.of()));
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    String fields = e.getBindingResult().getFieldErrors().stream()
        .map(f -> f.getField()).distinct().sorted().collect(Collectors.joining(", "));
    ProblemDetail body = problems.of(HttpStatus.BAD_REQUEST, "INVALID_REQUEST", "error.invalidRequest",
        Map.of("fields", fields));
    body.setProperty("fields", e.getBindingResult().getFieldErrors().stream()
        .map(f -> Map.of("field", f.getField(), "code", String.valueOf(f.getCode()))).toList());
    return ResponseEntity.badRequest().headers(headers).body(body);
  }

  /** Spring's own errors keep their status and headers (Allow on 405) but get a text a teacher can read. */
  @Override
  protected ResponseEntity<Object> handleExceptionInternal(Exception e, @Nullable Object body, HttpHeaders headers,
      HttpStatusCode status, WebRequest request) {
    if (status.is5xxServerError()) {
      log.error("Server error in request handling", e);
    }
    ProblemDetail problem = switch (status.value()) {
      case 404 -> problems.of(status, "NOT_FOUND", "error.notFound", Map.of());
      case 405 -> problems.of(status, "METHOD_NOT_ALLOWED", "error.methodNotAllowed", Map.of());
      case 406 -> problems.of(status, "NOT_ACCEPTABLE", "error.notAcceptable", Map.of());
      case 415 -> problems.of(status, "UNSUPPORTED_MEDIA_TYPE", "error.unsupportedMediaType", Map.of());
      default -> status.is4xxClientError()
          ? problems.of(status, "BAD_REQUEST", "error.badRequest", Map.of())
          : problems.of(status, "INTERNAL", "error.internal", Map.of());
    };
    return super.handleExceptionInternal(e, problem, headers, status, request);
  }
}
