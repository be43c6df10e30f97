package org.kehou.bench;

/**
 * What is driven and what counts as a good answer.
 *
 * @param expect for the full path, a fragment the reply must contain (a passive text reply carries {@code <Content>});
 *               empty accepts any non-empty 200 other than the bare "success"
 */
record Target(String name, String path, boolean floor, String expect) {

  static Target floorEndpoint() {
    return new Target("floor", "/bench/floor", true, "");
  }

  static Target webhook(String expect) {
    return new Target("full", "/wechat/portal", false, expect);
  }

  /** Classifies an answer: null when it counts as a success, else the kind of error. */
  String verdict(HttpConnection.Response response) {
    if (response.status() != 200) {
      return "HTTP " + response.status();
    }
    String body = response.body().trim();
    if (floor) {
      return body.equals("success") ? null : "200 without \"success\"";
    }
    if (body.isEmpty() || body.equals("success")) {
      return "200 without a reply";
    }
    return body.contains(expect) ? null : "200 without " + expect;
  }
}
