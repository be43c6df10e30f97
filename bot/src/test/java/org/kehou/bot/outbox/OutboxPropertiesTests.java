package org.kehou.bot.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** Template ids must be settable from the environment, where a variable name cannot spell a dash. */
class OutboxPropertiesTests {

  @Test
  void aKindsTemplateGivenAsEnvironmentVariablesConfiguresTheDashedKind() {
    OutboxProperties properties = bind(new SystemEnvironmentPropertySource("test-systemEnvironment", Map.of(
        "KEHOU_OUTBOX_TEMPLATES_AGREEMENTREADY_ID", "tmpl-env",
        "KEHOU_OUTBOX_TEMPLATES_AGREEMENTREADY_FIELDS", "thing1=child,thing2=title,time3=deadline")));

    TemplateSpec spec = properties.template("agreement-ready").orElseThrow();

    assertThat(spec.id()).isEqualTo("tmpl-env");
    assertThat(spec.keyToValue()).containsEntry("thing1", "child").containsEntry("time3", "deadline");
    assertThat(properties.template("waitlist-offer")).isEmpty();
  }

  @Test
  void theDashedFormInAFileWorksToo() {
    OutboxProperties properties = bind(new MapPropertySource("yaml", Map.of(
        "kehou.outbox.templates.waitlist-offer.id", "tmpl-yaml",
        "kehou.outbox.templates.waitlist-offer.fields", "thing1=child, character_string2=offering, time3=expires")));

    assertThat(properties.template("waitlist-offer").orElseThrow().keyToValue())
        .containsEntry("character_string2", "offering");
  }

  @Test
  void aMistakeInTheMappingStopsTheStartWithTheNamesToUse() {
    assertThatThrownBy(() -> bind(new SystemEnvironmentPropertySource("test-systemEnvironment", Map.of(
        "KEHOU_OUTBOX_TEMPLATES_AGREEMENTREADY_ID", "tmpl",
        "KEHOU_OUTBOX_TEMPLATES_AGREEMENTREADY_FIELDS", "thing1=childname"))))
        .hasRootCauseMessage("kehou.outbox.templates.agreement-ready.fields: 'thing1=childname' is not "
            + "<template key>=<value>, where the value is one of [child, title, deadline]");
    assertThatThrownBy(() -> bind(new SystemEnvironmentPropertySource("test-systemEnvironment", Map.of(
        "KEHOU_OUTBOX_TEMPLATES_AGREEMENTREDY_ID", "tmpl",
        "KEHOU_OUTBOX_TEMPLATES_AGREEMENTREDY_FIELDS", "thing1=child"))))
        .rootCause().hasMessageContaining("no such message kind");
  }

  private static OutboxProperties bind(org.springframework.core.env.PropertySource<?> source) {
    StandardEnvironment environment = new StandardEnvironment();
    environment.getPropertySources().addFirst(source);
    return new Binder(ConfigurationPropertySources.get(environment))
        .bindOrCreate("kehou.outbox", OutboxProperties.class);
  }
}
