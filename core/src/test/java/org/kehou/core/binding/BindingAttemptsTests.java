package org.kehou.core.binding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.kehou.core.binding.WechatBindingResult.Outcome;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import redis.clients.jedis.RedisClient;

/** Wrong binding codes are counted before the code is looked at, atomically, with the window set in the same step. */
@SpringBootTest
class BindingAttemptsTests {

  @Autowired WechatBindingService bindings;
  @Autowired RedisClient redis;

  @Test
  void manyWrongGuessesAtOnceGetNoMoreThanTheLimitLookedAt() throws Exception {
    String openid = "o-guesser-" + UUID.randomUUID();
    int guesses = 40;
    ExecutorService pool = Executors.newFixedThreadPool(guesses);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<WechatBindingResult>> pending = new ArrayList<>();
    try {
      for (int i = 0; i < guesses; i++) {
        String guess = "WRONG" + i;
        pending.add(pool.submit(() -> {
          start.await();
          return bindings.redeem(openid, guess);
        }));
      }
      start.countDown();
      List<WechatBindingResult> results = new ArrayList<>();
      for (Future<WechatBindingResult> result : pending) {
        results.add(result.get());
      }

      List<Integer> checked = results.stream().filter(r -> r.outcome() == Outcome.WRONG_CODE)
          .map(WechatBindingResult::wrongCodesLeft).toList();
      assertThat(checked).containsExactlyInAnyOrder(4, 3, 2, 1, 0);
      assertThat(results).filteredOn(r -> r.outcome() == Outcome.LOCKED_OUT)
          .hasSize(guesses - WechatBindingService.MAX_WRONG_CODES);
      assertThat(redis.ttl(key(openid))).isBetween(1L, WechatBindingService.ATTEMPT_WINDOW_SECONDS);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void theFirstWrongCodeStartsTheWindowAndLaterOnesDoNotExtendIt() {
    String openid = "o-typo-" + UUID.randomUUID();
    bindings.redeem(openid, "WRONG1");
    assertThat(redis.ttl(key(openid))).isBetween(1L, WechatBindingService.ATTEMPT_WINDOW_SECONDS);

    redis.expire(key(openid), 100);
    bindings.redeem(openid, "WRONG2");

    assertThat(redis.ttl(key(openid))).isBetween(1L, 100L);
    assertThat(redis.get(key(openid))).isEqualTo("2");
  }

  @Test
  void aCounterLeftWithoutAnExpiryGetsOneAtTheNextAttempt() {
    String openid = "o-stuck-" + UUID.randomUUID();
    redis.set(key(openid), "3");

    WechatBindingResult result = bindings.redeem(openid, "WRONG");

    assertThat(result.wrongCodesLeft()).isEqualTo(1);
    assertThat(redis.ttl(key(openid))).isBetween(1L, WechatBindingService.ATTEMPT_WINDOW_SECONDS);
  }

  private static String key(String openid) {
    return "kehou:binding:attempts:" + openid;
  }
}
