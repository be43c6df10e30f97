package org.kehou.admin.web;

import java.util.Map;
import org.springframework.http.HttpStatus;

/** 429 with a Retry-After header. */
public class RetryLater extends ApiException {

  private final long retryAfterSeconds;

  public RetryLater(String code, String textKey, Map<String, ?> values, long retryAfterSeconds) {
    super(HttpStatus.TOO_MANY_REQUESTS, code, textKey, values);
    this.retryAfterSeconds = retryAfterSeconds;
  }

  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
