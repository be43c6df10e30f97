package org.kehou.admin.auth;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
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
  private final ClientAddress clientAddress;

  AuthController(StaffService staff, TokenStore tokens, LoginThrottle throttle, ClientAddress clientAddress) {
    this.staff = staff;
    this.tokens = tokens;
    this.throttle = throttle;
    this.clientAddress = clientAddress;
  }

  @Operation(summary = "Log in; the token goes into 'Authorization: Bearer <token>'")
  @PostMapping("/api/v1/auth/login")
  LoginResponse login(@Valid @RequestBody LoginRequest request, HttpServletRequest http) {
    String address = clientAddress.of(http);
    OptionalLong account = staff.activeAccount(request.username());
    LoginThrottle.Counter counter = account.isPresent()
        ? throttle.account(account.getAsLong(), address) : throttle.unknownUsernames(address);
    OptionalLong blocked = throttle.blockedFor(counter);
    if (blocked.isPresent()) {
      long seconds = blocked.getAsLong();
      throw new RetryLater("LOGIN_THROTTLED", "auth.throttled", Map.of("minutes", (seconds + 59) / 60), seconds);
    }
    PasswordRules.requireFits(request.password());
    Staff found = staff.authenticate(request.username(), request.password()).orElse(null);
    if (found == null) {
      throttle.failed(counter);
      // The typed username stays out of the log: people type their password into it by mistake.
      log.info("Failed login for {} from {}",
          account.isPresent() ? "staff account " + account.getAsLong() : "an unknown username", address);
      throw new ApiException(HttpStatus.UNAUTHORIZED, "BAD_CREDENTIALS", "auth.badCredentials");
    }
    throttle.succeeded(counter);
    return new LoginResponse(tokens.issue(found.id()));
  }

  @Operation(summary = "Log out: the token stops working at once")
  @PostMapping("/api/v1/auth/logout")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void logout(@RequestHeader(HttpHeaders.AUTHORIZATION) String authorization) {
    tokens.revoke(AuthInterceptor.bearerToken(authorization));
  }

  /** The password's length is checked in bytes (BCrypt's limit), with its own problem detail. */
  record LoginRequest(@NotBlank @Size(max = 64) String username, @NotBlank String password) {
  }

  record LoginResponse(String token) {
  }
}
