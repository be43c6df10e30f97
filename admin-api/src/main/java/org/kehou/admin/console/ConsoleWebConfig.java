package org.kehou.admin.console;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The staff console (module kehou-console, static/console/ on the classpath) is served as static files at /console/.
 * It routes with the URL's hash, so its one page is index.html and no other path needs a fallback. Its files need no
 * token (the auth interceptor covers /api/v1 only): the console logs in through the API like any client.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleWebConfig implements WebMvcConfigurer {

  @Override
  public void addViewControllers(ViewControllerRegistry registry) {
    registry.addRedirectViewController("/console", "/console/");
    registry.addViewController("/console/").setViewName("forward:/console/index.html");
  }
}
