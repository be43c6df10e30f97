package org.kehou.bot.notice;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.kehou.core.notice.Confirmations;
import org.kehou.core.notice.NoticeTexts;
import org.kehou.core.notice.ParentNotice;
import org.kehou.core.text.Texts;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The page a notice's message links to, opened in WeChat's browser without any login: the signed token names the
 * guardian and the notice (NoticeLinks). Confirming is a POST, so a link preview or a crawler opening the page never
 * confirms for the parent; after it the parent is sent back to the page, which then says when they confirmed.
 */
@RestController
class NoticePageController {

  private static final MediaType HTML = new MediaType("text", "html", java.nio.charset.StandardCharsets.UTF_8);

  private final Confirmations confirmations;
  private final NoticeTexts noticeTexts;
  private final Texts texts;

  NoticePageController(Confirmations confirmations, NoticeTexts noticeTexts, Texts texts) {
    this.confirmations = confirmations;
    this.noticeTexts = noticeTexts;
    this.texts = texts;
  }

  @GetMapping("/notice/{token}")
  ResponseEntity<String> page(@PathVariable String token) {
    return confirmations.byLink(token).map(n -> html(HttpStatus.OK, render(n, token))).orElseGet(this::notFound);
  }

  @PostMapping("/notice/{token}/confirm")
  ResponseEntity<String> confirm(@PathVariable String token) {
    Optional<Confirmations.Outcome> done = confirmations.confirmByLink(token);
    if (done.isEmpty()) {
      return notFound();
    }
    return ResponseEntity.status(HttpStatus.SEE_OTHER).header(HttpHeaders.LOCATION, "/notice/" + token).build();
  }

  private String render(ParentNotice n, String token) {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("urgent", n.urgent() ? texts.message("parentNotice.page.urgent") : "");
    values.put("title", escape(n.title()));
    values.put("sender", escape(n.senderName()));
    values.put("sentAt", escape(noticeTexts.when(n.sentAt())));
    values.put("children", escape(noticeTexts.children(n.children())));
    values.put("body", escape(n.body()).replace("\n", "<br>"));
    values.put("deadline", n.confirmRequired() && !n.confirmed()
        ? texts.message("parentNotice.page.deadline", Map.of("deadline", escape(noticeTexts.when(n.confirmBy()))))
        : "");
    values.put("action", n.confirmed()
        ? texts.message("parentNotice.page.confirmed", Map.of("time", escape(noticeTexts.when(n.confirmedAt()))))
        : texts.message("parentNotice.page.confirm", Map.of("action", "/notice/" + escape(token) + "/confirm")));
    return texts.document("notice-page", values).text();
  }

  private ResponseEntity<String> notFound() {
    return html(HttpStatus.NOT_FOUND, texts.message("parentNotice.page.notFound"));
  }

  private static ResponseEntity<String> html(HttpStatus status, String body) {
    return ResponseEntity.status(status).contentType(HTML).cacheControl(CacheControl.noStore()).body(body);
  }

  private static String escape(String text) {
    return HtmlUtils.htmlEscape(text, "UTF-8");
  }
}
