package org.kehou.core.binding;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.kehou.core.binding.WechatBindingResult.Outcome;
import org.kehou.core.cache.CacheEpochs;
import org.kehou.core.cache.EpochCache;
import org.kehou.core.cache.Region;
import org.kehou.core.staff.StaffWechat;
import org.kehou.core.staff.StaffWechatBound;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import redis.clients.jedis.RedisClient;

/**
 * Binds WeChat openids to guardians through their printed codes (and to staff through staff codes, see
 * {@link StaffWechat}), and answers who is writing.
 */
@Service
public class WechatBindingService {

  /** Wrong codes allowed per openid within {@link #ATTEMPT_WINDOW_SECONDS}: enough for typos, too few to guess. */
  public static final int MAX_WRONG_CODES = 5;
  static final long ATTEMPT_WINDOW_SECONDS = 3600;
  private static final int MAX_CODE_LENGTH = 16;
  private static final int CACHED_BINDINGS = 50_000;
  // The window starts at the first attempt and is never extended (NX), also for a counter left without an expiry.
  private static final String COUNT_ATTEMPT = """
      local attempt = redis.call('INCR', KEYS[1])
      redis.call('EXPIRE', KEYS[1], ARGV[1], 'NX')
      return attempt
      """;

  private final WechatBindingMapper mapper;
  private final RedisClient redis;
  private final TransactionTemplate tx;
  private final EpochCache<String, Optional<WechatBinding>> cache;
  private final Clock clock;
  private final NewAccountNotice newAccountNotice;
  private final StaffWechat staffWechat;
  private final SlipQrMapper slipQrs;

  WechatBindingService(WechatBindingMapper mapper, RedisClient redis, PlatformTransactionManager txManager,
      CacheEpochs epochs, Clock clock, NewAccountNotice newAccountNotice, StaffWechat staffWechat,
      SlipQrMapper slipQrs) {
    this.mapper = mapper;
    this.slipQrs = slipQrs;
    this.staffWechat = staffWechat;
    this.newAccountNotice = newAccountNotice;
    // Nearly every parent message asks who is writing; the six-table join behind it was the costliest part of an
    // answer. Kept per instance until a binding or roster write moves the epoch (see Region.BINDINGS).
    this.cache = new EpochCache<>(epochs, Region.BINDINGS, CACHED_BINDINGS);
    this.redis = redis;
    this.tx = new TransactionTemplate(txManager);
    this.clock = clock;
  }

  /** Codes are printed in upper case; parents type them any way, with spaces. */
  public static String normalise(String raw) {
    return raw == null ? "" : raw.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
  }

  public WechatBindingResult redeem(String openid, String rawCode) {
    String attemptsKey = "kehou:binding:attempts:" + openid;
    // Counted before the code is looked at, in one atomic step with the window's expiry: however many guesses arrive
    // at once, on however many instances, only MAX_WRONG_CODES of them are ever checked in a window.
    long attempt = (Long) redis.eval(COUNT_ATTEMPT, List.of(attemptsKey),
        List.of(Long.toString(ATTEMPT_WINDOW_SECONDS)));
    if (attempt > MAX_WRONG_CODES) {
      return WechatBindingResult.refused(Outcome.LOCKED_OUT, 0);
    }
    String code = normalise(rawCode);
    Redeemed redeemed = code.isEmpty() || code.length() > MAX_CODE_LENGTH ? Redeemed.NOTHING : tx.execute(status -> {
      LocalDateTime now = LocalDateTime.now(clock);
      // Staff and guardian codes share one attempt budget: which table a code is in tells a guesser nothing more.
      Optional<StaffWechatBound> staff = staffWechat.redeem(openid, code, now);
      if (staff.isPresent()) {
        return new Redeemed(false, staff);
      }
      Optional<WechatBindingMapper.LiveCode> live = mapper.lockLiveCode(code, now);
      if (live.isEmpty()) {
        return Redeemed.NOTHING;
      }
      long guardianId = live.get().guardianId();
      mapper.markUsed(live.get().id(), now);
      // A used code's slip QR code binds nobody any more; its url is not kept a moment longer.
      slipQrs.forgetCode(live.get().id());
      newAccountNotice.beforeBinding(openid, guardianId, live.get().id(), now);
      mapper.upsert(openid, guardianId, mapper.firstChild(guardianId).orElse(null), now);
      return new Redeemed(true, Optional.empty());
    });
    if (redeemed == null || !redeemed.guardian() && redeemed.staff().isEmpty()) {
      return WechatBindingResult.refused(Outcome.WRONG_CODE, MAX_WRONG_CODES - (int) attempt);
    }
    redis.del(attemptsKey);
    if (redeemed.staff().isPresent()) {
      return WechatBindingResult.staffBound(redeemed.staff().get());
    }
    return find(openid).map(WechatBindingResult::bound)
        .orElseGet(() -> WechatBindingResult.refused(Outcome.WRONG_CODE, MAX_WRONG_CODES));
  }

  private record Redeemed(boolean guardian, Optional<StaffWechatBound> staff) {
    static final Redeemed NOTHING = new Redeemed(false, Optional.empty());
  }

  /** The active binding of an openid with all the guardian's children; empty when not bound or unsubscribed. */
  public Optional<WechatBinding> find(String openid) {
    return cache.get(openid, () -> load(openid));
  }

  private Optional<WechatBinding> load(String openid) {
    List<WechatBindingMapper.Row> rows = mapper.activeRows(openid);
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    List<WechatBinding.Child> children = rows.stream()
        .map(r -> new WechatBinding.Child(r.studentId(), r.studentName(), r.className(), r.gradeLevel()))
        .toList();
    WechatBindingMapper.Row first = rows.get(0);
    WechatBinding.Child current = children.stream()
        .filter(c -> first.currentStudentId() != null && c.studentId() == first.currentStudentId())
        .findFirst().orElse(children.get(0));
    return Optional.of(new WechatBinding(openid, first.guardianId(), first.guardianName(), first.schoolId(), children,
        current));
  }

  /** Makes the child numbered {@code number} (from 1, in {@link WechatBinding#children()} order) the current one. */
  public Optional<WechatBinding> switchTo(WechatBinding binding, int number) {
    if (number < 1 || number > binding.children().size()) {
      return Optional.empty();
    }
    WechatBinding.Child child = binding.children().get(number - 1);
    mapper.selectChild(binding.openid(), child.studentId());
    return Optional.of(new WechatBinding(binding.openid(), binding.guardianId(), binding.guardianName(),
        binding.schoolId(), binding.children(), child));
  }

  /** The parent unfollowed the account: the binding is kept for the archive and for a later re-follow. */
  public void deactivate(String openid) {
    mapper.deactivate(openid, LocalDateTime.now(clock));
  }

  /** A parent who follows again gets the binding back without a new code. */
  public Optional<WechatBinding> reactivate(String openid) {
    mapper.reactivate(openid);
    return find(openid);
  }
}
