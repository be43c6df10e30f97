package org.kehou.admin.web;

import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * A refusal a staff member reads: the status, a stable English {@code code} for programs and the key of the
 * Chinese explanation in {@code staff.properties}.
 */
public class ApiException extends RuntimeException {

  private final HttpStatus status;
  private final String code;
  private final String textKey;
  private final Map<String, ?> values;

  public ApiException(HttpStatus status, String code, String textKey, Map<String, ?> values) {
    super(code);
    this.status = status;
    this.code = code;
    this.textKey = textKey;
    this.values = values;
  }

  public ApiException(HttpStatus status, String code, String textKey) {
    this(status, code, textKey, Map.of());
  }

  public static ApiException forbidden() {
    return new ApiException(HttpStatus.FORBIDDEN, "FORBIDDEN", "error.forbidden");
  }

  public static ApiException notFound(String code, String textKey) {
    return new ApiException(HttpStatus.NOT_FOUND, code, textKey);
  }

  public HttpStatus status() {
    return status;
  }

  public String code() {
    return code;
  }

  public String textKey() {
    return textKey;
  }

  public Map<String, ?> values() {
    return values;
  }
}
