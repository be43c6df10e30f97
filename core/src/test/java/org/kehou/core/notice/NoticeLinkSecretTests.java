package org.kehou.core.notice;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Without {@code kehou.notices.link-secret} the links are signed with the key kept in the database, the same for every
 * application reading it: a second signer (another instance, the admin API) accepts the first one's links.
 */
@SpringBootTest
class NoticeLinkSecretTests {

  @Autowired NoticeMapper mapper;
  @Autowired NoticeProperties properties;

  @Test
  void withoutAConfiguredSecretLinksAreSignedWithTheDatabasesKeyAlikeByEveryInstance() {
    NoticeLinks one = new NoticeLinks(mapper, properties);
    NoticeLinks other = new NoticeLinks(mapper, properties);

    String token = one.token(12, 34);

    assertThat(other.verify(token)).contains(new NoticeLinks.Target(12, 34));
    assertThat(other.verify(token.replace("12.34.", "12.35."))).isEmpty();
    assertThat(mapper.linkSecretHex("notice-link")).hasSize(64);
  }
}
