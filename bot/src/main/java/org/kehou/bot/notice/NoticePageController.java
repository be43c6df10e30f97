package org.kehou.bot.notice;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.kehou.core.notice.Confirmations;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The page a notice's message opens, in WeChat's browser, without any login: the signed token in the path is the
 * only key, for one guardian and one notice. Opening it only shows the notice (link previews must not confirm); the
 * button posts the confirmation, then the page is shown again (post, redirect, get), now saying when.
 */
@Controller
class NoticePageController {

  private static final MediaType HTML = new MediaType("text", "html", StandardCharsets.UTF_8);
  /** Nothing but the page itself and its inline style; the form posts to the bot only. */
  private static final String POLICY = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; "
      + "base-uri 'none'; frame-ancestors 'none'";

  private final Confirmations confirmations;
  private final NoticePage page;

  NoticePageController(Confirmations confirmations, NoticePage page) {
    this.confirmations = confirmations;
    this.page = page;
  }

  @GetMapping("/notice/{token}")
  ResponseEntity<String> show(@PathVariable String token) {
    return confirmations.byLink(token)
        .map(notice -> html(HttpStatus.OK).body(page.notice(notice, token + "/confirm")))
        .orElseGet(this::missing);
  }

  @PostMapping("/notice/{token}/confirm")
  ResponseEntity<String> confirm(@PathVariable String token) {
    return confirmations.confirmByLink(token)
        // Relative, so that it holds behind a proxy that serves the bot under a path of its own.
        .map(outcome -> html(HttpStatus.SEE_OTHER).location(URI.create("../" + token)).body(""))
        .orElseGet(this::missing);
  }

  private ResponseEntity<String> missing() {
    return html(HttpStatus.NOT_FOUND).body(page.missing());
  }

  /** The token is in the URL: never cached, never sent on as a referrer. */
  private static ResponseEntity.BodyBuilder html(HttpStatus status) {
    return ResponseEntity.status(status).contentType(HTML).cacheControl(CacheControl.noStore())
        .header("Referrer-Policy", "no-referrer").header("X-Content-Type-Options", "nosniff")
        .header("Content-Security-Policy", POLICY);
  }
}
