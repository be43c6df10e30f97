package org.kehou.admin.auth;

import java.util.List;
import org.kehou.core.staff.Staff;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Every /api/v1 route but the login needs a token; /v3/api-docs, Swagger UI and /actuator/health stay open. */
@Configuration(proxyBeanMethods = false)
class AuthWebConfig implements WebMvcConfigurer {

  static {
    // The logged-in staff is resolved from the token, not sent by the client: keep it out of the OpenAPI document.
    SpringDocUtils.getConfig().addRequestWrapperToIgnore(Staff.class);
  }

  private final AuthInterceptor interceptor;
  private final CurrentStaff currentStaff;

  AuthWebConfig(AuthInterceptor interceptor, CurrentStaff currentStaff) {
    this.interceptor = interceptor;
    this.currentStaff = currentStaff;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(interceptor).addPathPatterns("/api/v1/**").excludePathPatterns("/api/v1/auth/login");
  }

  @Override
  public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
    resolvers.add(currentStaff);
  }
}
