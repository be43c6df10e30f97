package org.kehou.bot.wechat;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * WeChat's webhook, a plain servlet at {@code /wechat/portal} (registered in WechatConfig). In a flight recording of the sign-up rush, Spring MVC's
 * dispatch around the webhook (handler lookup, argument resolvers, return value handlers, message converters) took
 * about a third of the request threads' samples, as much as the database reads of the answer; the webhook needs none
 * of it: five query parameters in, one text out.
 */
final class PortalServlet extends HttpServlet {

  private static final Logger log = LoggerFactory.getLogger(PortalServlet.class);
  private static final String TEXT = "text/plain;charset=UTF-8";
  private static final String XML = "application/xml;charset=UTF-8";

  private final transient Portal portal;

  PortalServlet(Portal portal) {
    this.portal = portal;
  }

  /** WeChat's URL verification when the webhook is registered. */
  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
    String body;
    try {
      body = portal.verify(signed(request), request.getParameter("echostr"));
    } catch (PortalRejection rejection) {
      refuse(response, rejection);
      return;
    }
    write(response, HttpServletResponse.SC_OK, TEXT, body);
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
    String reply;
    try {
      reply = portal.receive(signed(request), request.getInputStream());
    } catch (PortalRejection rejection) {
      refuse(response, rejection);
      return;
    }
    write(response, HttpServletResponse.SC_OK, Portal.NO_REPLY.equals(reply) ? TEXT : XML, reply);
  }

  private static PortalRequest signed(HttpServletRequest request) {
    return new PortalRequest(request.getParameter("signature"), request.getParameter("timestamp"),
        request.getParameter("nonce"), request.getParameter("encrypt_type"), request.getParameter("msg_signature"));
  }

  private static void refuse(HttpServletResponse response, PortalRejection rejection) throws IOException {
    log.info("Webhook call refused ({}): {}", rejection.status().value(), rejection.getMessage());
    write(response, rejection.status().value(), TEXT, rejection.status().getReasonPhrase());
  }

  private static void write(HttpServletResponse response, int status, String contentType, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    response.setStatus(status);
    response.setContentType(contentType);
    response.setContentLength(bytes.length);
    response.getOutputStream().write(bytes);
  }
}
