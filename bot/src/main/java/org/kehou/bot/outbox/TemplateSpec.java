package org.kehou.bot.outbox;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kehou.core.outbox.MessageKinds;

/**
 * One kind's WeChat template: its id, and which of the message's named values fills each of the template's field keys.
 * A mistake in the configuration stops the bot at start-up rather than failing every send.
 */
record TemplateSpec(String kind, String id, Map<String, String> keyToValue) {

  static TemplateSpec of(String configuredKind, String id, List<String> fields) {
    String kind = known(configuredKind);
    List<String> values = MessageKinds.all().get(kind);
    if (fields == null || fields.isEmpty()) {
      throw new IllegalArgumentException("kehou.outbox.templates." + kind + ".fields is missing: map the template's "
          + "field keys onto " + values + ", e.g. thing1=" + values.get(0));
    }
    Map<String, String> keyToValue = new LinkedHashMap<>();
    for (String field : fields) {
      String[] pair = field.split("=", -1);
      if (pair.length != 2 || !pair[0].strip().matches("[a-z_]+[0-9]*") || !values.contains(pair[1].strip())) {
        throw new IllegalArgumentException("kehou.outbox.templates." + kind + ".fields: '" + field
            + "' is not <template key>=<value>, where the value is one of " + values);
      }
      keyToValue.put(pair[0].strip(), pair[1].strip());
    }
    return new TemplateSpec(kind, id.strip(), Map.copyOf(keyToValue));
  }

  /** The template's data: each key's value, fitted to WeChat's limit for the key's type. */
  Map<String, String> data(Map<String, String> values) {
    Map<String, String> data = new LinkedHashMap<>();
    keyToValue.forEach((key, name) -> data.put(key, TemplateValues.fit(key, values.getOrDefault(name, ""))));
    return data;
  }

  private static String known(String configuredKind) {
    String wanted = OutboxProperties.normalise(configuredKind);
    return MessageKinds.all().keySet().stream().filter(k -> OutboxProperties.normalise(k).equals(wanted)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("kehou.outbox.templates." + configuredKind
            + ": no such message kind; the kinds are " + MessageKinds.all().keySet()));
  }
}
