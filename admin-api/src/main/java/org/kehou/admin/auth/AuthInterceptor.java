package org.kehou.admin.auth;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.OptionalLong;
import org.kehou.admin.web.ApiException;
import org.kehou.core.staff.Staff;
import org.kehou.core.staff.StaffService;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

/** Resolves the bearer token to an active staff account and leaves it on the request for {@link CurrentStaff}. */
@Component
class AuthInterceptor implements HandlerInterceptor {

  static final String ATTRIBUTE = AuthInterceptor.class.getName() + ".staff";
  private static final String BEARER = "Bearer ";

  private final TokenStore tokens;
  private final StaffService staff;

  AuthInterceptor(TokenStore tokens, StaffService staff) {
    this.tokens = tokens;
    this.staff = staff;
  }

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
    if ("OPTIONS".equals(request.getMethod())) {
      return true;
    }
    String header = request.getHeader(HttpHeaders.AUTHORIZATION);
    if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      throw new ApiException(HttpStatus.UNAUTHORIZED, "AUTHENTICATION_REQUIRED", "auth.required");
    }
    String token = bearerToken(header);
    OptionalLong staffId = token.isEmpty() ? OptionalLong.empty() : tokens.staffId(token);
    Staff me = staffId.isPresent() ? staff.find(staffId.getAsLong()).filter(Staff::active).orElse(null) : null;
    if (me == null) {
      throw new ApiException(HttpStatus.UNAUTHORIZED, "TOKEN_INVALID", "auth.tokenInvalid");
    }
    request.setAttribute(ATTRIBUTE, me);
    return true;
  }

  static String bearerToken(String header) {
    return header.substring(BEARER.length()).trim();
  }
}
