package org.kehou.admin.web;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.kehou.core.lifecycle.ApplicationState;
import org.kehou.core.lifecycle.ReviewRefused;
import org.kehou.core.text.Texts;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/** Builds RFC 7807 problem details whose detail text comes from the templates. */
@Component
public class Problems {

  /** Values of review refusals that name an application state. */
  private static final Set<String> STATE_VALUES = Set.of("from", "to", "state");

  private final Texts texts;

  Problems(Texts texts) {
    this.texts = texts;
  }

  public ProblemDetail of(HttpStatusCode status, String code, String textKey, Map<String, ?> values) {
    return build(status, code, texts.message(textKey, values));
  }

  /** A refused review step; its {@code code} is the kind of refusal (ILLEGAL_TRANSITION…). */
  public ProblemDetail of(HttpStatusCode status, ReviewRefused e) {
    return build(status, e.kind().name(), refusal(e));
  }

  private static ProblemDetail build(HttpStatusCode status, String code, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(URI.create("urn:kehou:problem:" + code.toLowerCase().replace('_', '-')));
    problem.setProperty("code", code);
    return problem;
  }

  public ProblemDetail of(ApiException e) {
    return of(e.status(), e.code(), e.textKey(), e.values());
  }

  public String text(String key, Map<String, ?> values) {
    return texts.message(key, values);
  }

  /** Why a review step was refused, with states named as a teacher reads them ("公示中", not IN_PUBLICITY). */
  public String refusal(ReviewRefused e) {
    Map<String, Object> values = new HashMap<>(e.values());
    for (String key : STATE_VALUES) {
      if (values.get(key) instanceof String name && isState(name)) {
        values.put(key, texts.message("api.review.state." + name));
      }
    }
    return texts.message(e.reasonKey(), values);
  }

  private static boolean isState(String name) {
    for (ApplicationState state : ApplicationState.values()) {
      if (state.name().equals(name)) {
        return true;
      }
    }
    return false;
  }
}
