package org.kehou.core.staff;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.kehou.core.outbox.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A staff member's own WeChat: single-use codes to bind it ({@code 绑定 <code>}, the same command parents use), the
 * binding itself, and ending it. Kept apart from guardian bindings, so a teacher who is also a parent is both.
 */
@Service
public class StaffWechat {

  /** Staff codes start with S so that staff can tell them from a printed guardian code; the bot looks both up. */
  public static final String PREFIX = "S";
  private static final String ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
  private static final int RANDOM_LENGTH = 9;
  private static final Logger log = LoggerFactory.getLogger(StaffWechat.class);

  private final StaffWechatMapper mapper;
  private final Outbox outbox;
  private final StaffWechatProperties properties;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  StaffWechat(StaffWechatMapper mapper, Outbox outbox, StaffWechatProperties properties, Clock clock) {
    this.mapper = mapper;
    this.outbox = outbox;
    this.properties = properties;
    this.clock = clock;
  }

  /** A new code for the staff member; any earlier code stops working. The caller checks who may ask. */
  @Transactional
  public StaffCode issueCode(long staffId, long issuedBy) {
    LocalDateTime now = LocalDateTime.now(clock);
    mapper.lockStaff(staffId);
    mapper.revokeCodes(staffId, now);
    String code = PREFIX + randomPart();
    LocalDateTime expiresAt = now.plus(properties.wechatCodeTtl());
    mapper.insertCode(staffId, sha256(code), issuedBy, expiresAt, now);
    log.info("Issued a WeChat binding code to staff {} (by staff {})", staffId, issuedBy);
    return new StaffCode(code, expiresAt);
  }

  /**
   * Binds the openid to the staff account the code belongs to, inside the caller's transaction (the bot's binding
   * attempt, rate-limited there). Empty when the code is no live staff code; the caller then tries guardian codes.
   *
   * @param code normalised (no spaces, upper case)
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public Optional<StaffWechatBound> redeem(String openid, String code, LocalDateTime now) {
    if (!code.startsWith(PREFIX)) {
      return Optional.empty();
    }
    Optional<StaffWechatMapper.LiveCode> live = mapper.lockLiveCode(sha256(code), now);
    if (live.isEmpty()) {
      return Optional.empty();
    }
    long staffId = live.get().staffId();
    mapper.markUsed(live.get().id(), now);
    mapper.endLiveOf(staffId, openid, now, "rebound");
    mapper.insertBinding(staffId, openid, now);
    log.info("Staff {} bound a WeChat account", staffId);
    return Optional.of(new StaffWechatBound(staffId, live.get().displayName()));
  }

  public List<StaffWechatAccount> accounts(long staffId) {
    return mapper.accounts(staffId);
  }

  /** Where the staff member's alerts go on WeChat, if anywhere. */
  public Optional<String> liveOpenid(long staffId) {
    return mapper.liveOpenid(staffId);
  }

  /** Who writes from this WeChat as staff: the active account bound to it now (staff commands such as 签到). */
  public Optional<Staff> staffBehind(String openid) {
    return mapper.staffBehind(openid);
  }

  /** Ends one binding (or, with {@code bindingId} null, the live one); false when none was live. */
  @Transactional
  public boolean end(long staffId, Long bindingId, String endedBy) {
    mapper.lockStaff(staffId);
    boolean ended = mapper.end(staffId, bindingId, LocalDateTime.now(clock), endedBy) > 0;
    if (ended) {
      // Alerts still waiting would otherwise reach an account that no longer speaks for this staff member.
      outbox.cancelPendingToStaff(staffId);
      log.info("WeChat binding of staff {} ended ({})", staffId, endedBy);
    }
    return ended;
  }

  /** A deactivated account keeps no way in: its live code and its WeChat binding end with it. */
  @Transactional(propagation = Propagation.MANDATORY)
  void accountDeactivated(long staffId) {
    mapper.revokeCodes(staffId, LocalDateTime.now(clock));
    end(staffId, null, "deactivated");
  }

  long schoolOf(long staffId) {
    return mapper.schoolOf(staffId);
  }

  private String randomPart() {
    char[] chars = new char[RANDOM_LENGTH];
    for (int i = 0; i < RANDOM_LENGTH; i++) {
      chars[i] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
    }
    return new String(chars);
  }

  static String sha256(String code) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(code.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
