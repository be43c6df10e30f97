package org.kehou.bench;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/** The first answer of each kind per target, printed with the table so a reader can see what was counted. */
final class Samples {

  private final Map<String, String> first = new ConcurrentHashMap<>();

  void offer(Target target, boolean success, HttpConnection.Response response) {
    String key = target.name() + (success ? " success" : " failure") + " (HTTP " + response.status() + ")";
    if (!first.containsKey(key)) {
      String body = response.body().replaceAll("\\s+", " ");
      first.putIfAbsent(key, body.length() > 300 ? body.substring(0, 300) + "..." : body);
    }
  }

  Map<String, String> all() {
    return new TreeMap<>(first);
  }
}
