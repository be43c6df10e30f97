package org.kehou.bot.demo;

import org.apache.ibatis.annotations.Mapper;
import org.mybatis.spring.annotation.MapperScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Everything under /demo exists only in the demo profile: the page is not under static/, so production never serves it.
 */
@Configuration(proxyBeanMethods = false)
@Profile("demo")
@MapperScan(basePackageClasses = DemoMapper.class, annotationClass = Mapper.class)
class DemoConfiguration implements WebMvcConfigurer {

  @Override
  public void addResourceHandlers(ResourceHandlerRegistry registry) {
    registry.addResourceHandler("/demo/page/**").addResourceLocations("classpath:/demo-page/");
  }

  @Override
  public void addViewControllers(ViewControllerRegistry registry) {
    registry.addRedirectViewController("/demo", "/demo/");
    registry.addViewController("/demo/").setViewName("forward:/demo/page/index.html");
  }
}
