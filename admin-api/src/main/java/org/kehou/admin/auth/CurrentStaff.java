package org.kehou.admin.auth;

import jakarta.servlet.http.HttpServletRequest;
import org.kehou.core.staff.Staff;
import org.springframework.core.MethodParameter;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Lets controllers take the logged-in {@link Staff} as a plain parameter. */
@Component
class CurrentStaff implements HandlerMethodArgumentResolver {

  @Override
  public boolean supportsParameter(MethodParameter parameter) {
    return parameter.getParameterType() == Staff.class;
  }

  @Override
  public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer container, NativeWebRequest request,
      WebDataBinderFactory binderFactory) {
    Object me = request.getNativeRequest(HttpServletRequest.class).getAttribute(AuthInterceptor.ATTRIBUTE);
    if (me == null) {
      throw new IllegalStateException("No authenticated staff on a protected route");
    }
    return me;
  }
}
