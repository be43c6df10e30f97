package org.kehou.admin.auth;

import java.util.Map;
import org.kehou.admin.web.ApiException;
import org.kehou.core.staff.StaffService;
import org.springframework.http.HttpStatus;

/** What a password must be, checked before it reaches BCrypt (which refuses more than 72 bytes). */
public final class PasswordRules {

  public static final int MIN_LENGTH = 8;

  private PasswordRules() {
  }

  /** At login: a password BCrypt cannot take is a bad request, not a server error. */
  public static void requireFits(String password) {
    if (StaffService.passwordTooLong(password)) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "PASSWORD_TOO_LONG", "staff.passwordTooLong",
          Map.of("max", StaffService.MAX_PASSWORD_BYTES));
    }
  }

  /** When a password is set: long enough, and short enough for BCrypt. */
  public static void requireAcceptable(String password) {
    if (password.length() < MIN_LENGTH) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "PASSWORD_TOO_SHORT", "staff.passwordTooShort",
          Map.of("min", MIN_LENGTH));
    }
    requireFits(password);
  }
}
