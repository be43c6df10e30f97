package org.kehou.admin.auth;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Map;
import java.util.OptionalLong;
import org.kehou.admin.web.ApiException;
import org.kehou.admin.web.RetryLater;
import org.kehou.core.staff.Staff;
import org.kehou.core.staff.StaffService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class AuthController {

  private static final Logger log = LoggerFactory.getLogger(AuthController.class);

  private final StaffService staff;
  private final TokenStore tokens;
  private final LoginThrottle throttle;

  AuthController(StaffService staff, TokenStore tokens, LoginThrottle throttle) {
    this.staff = staff;
    this.tokens = tokens;
    this.throttle = throttle;
  }

  @Operation(summary = "Log in; the token goes into 'Authorization: Bearer <token>'")
  @PostMapping("/api/v1/auth/login")
  LoginResponse login(@Valid @RequestBody LoginRequest request) {
    OptionalLong blocked = throttle.blockedFor(request.username());
    if (blocked.isPresent()) {
      long seconds = blocked.getAsLong();
      throw new RetryLater("LOGIN_THROTTLED", "auth.throttled", Map.of("minutes", (seconds + 59) / 60), seconds);
    }
    Staff found = staff.authenticate(request.username(), request.password()).orElse(null);
    if (found == null) {
      throttle.failed(request.username());
      log.info("Failed login for username {}", request.username());
      throw new ApiException(HttpStatus.UNAUTHORIZED, "BAD_CREDENTIALS", "auth.badCredentials");
    }
    throttle.succeeded(request.username());
    return new LoginResponse(tokens.issue(found.id()));
  }

  @Operation(summary = "Log out: the token stops working at once")
  @PostMapping("/api/v1/auth/logout")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void logout(@RequestHeader(HttpHeaders.AUTHORIZATION) String authorization) {
    tokens.revoke(AuthInterceptor.bearerToken(authorization));
  }

  record LoginRequest(@NotBlank @Size(max = 64) String username, @NotBlank @Size(max = 200) String password) {
  }

  record LoginResponse(String token) {
  }
}
