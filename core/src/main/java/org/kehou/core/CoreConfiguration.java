package org.kehou.core;

import java.time.Clock;
import java.time.ZoneId;
import org.apache.ibatis.annotations.Mapper;
import org.mybatis.spring.annotation.MapperScan;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/**
 * Imported by each application so that the core's services, mappers and properties join its context
 * without the applications having to live in a parent package of the core.
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan("org.kehou.core")
@ConfigurationPropertiesScan("org.kehou.core")
@MapperScan(basePackages = "org.kehou.core", annotationClass = Mapper.class)
public class CoreConfiguration {

  /** School days and deadlines are Beijing time wherever the server runs; tests may replace this clock. */
  @Bean
  Clock clock(@Value("${kehou.timezone:Asia/Shanghai}") String zone) {
    return Clock.system(ZoneId.of(zone));
  }
}
