package org.kehou.admin.web;

import java.net.URI;
import java.util.Map;
import org.kehou.core.text.Texts;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/** Builds RFC 7807 problem details whose detail text comes from the templates. */
@Component
public class Problems {

  private final Texts texts;

  Problems(Texts texts) {
    this.texts = texts;
  }

  public ProblemDetail of(HttpStatusCode status, String code, String textKey, Map<String, ?> values) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, texts.message(textKey, values));
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
}
