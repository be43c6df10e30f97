package org.kehou.admin.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Declares the bearer token so Swagger UI's "Authorize" button can call the protected endpoints. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfig {

  @Bean
  OpenAPI kehouOpenApi() {
    return new OpenAPI()
        .info(new Info().title("Kehou admin API").version("v1")
            .description("Staff REST API: roster, classes, binding codes, terms, offerings, application reviews, "
                + "publicity and objections, agreements, parents' messages and staff notices. "
                + "Log in with POST /api/v1/auth/login and send 'Authorization: Bearer <token>'."))
        .components(new Components().addSecuritySchemes("bearer",
            new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")))
        .addSecurityItem(new SecurityRequirement().addList("bearer"));
  }
}
