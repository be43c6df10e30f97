package org.kehou.bot;

import org.kehou.core.CoreConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;

/** The WeChat official-account bot: the only process that talks to the WeChat API. */
@SpringBootApplication
@ConfigurationPropertiesScan
@Import(CoreConfiguration.class)
public class BotApplication {

  public static void main(String[] args) {
    SpringApplication.run(BotApplication.class, args);
  }
}
