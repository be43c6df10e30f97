package org.kehou.admin;

import org.kehou.core.CoreConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;

/** The school staff's REST API. It holds no WeChat credentials: what it wants sent goes through the outbox. */
@SpringBootApplication
@ConfigurationPropertiesScan
@Import(CoreConfiguration.class)
public class AdminApiApplication {

  public static void main(String[] args) {
    SpringApplication.run(AdminApiApplication.class, args);
  }
}
