-- Staff bind their own WeChat to their staff account, and their alerts go there too (besides the staff inbox).

-- Codes a staff member gets from the admin API and types as 绑定 <code>. Only the SHA-256 of the code is kept: unlike a
-- printed guardian code nobody needs to see it again, and a database reader must not be able to act as a teacher.
-- One live code per staff member (live = 1); used, revoked or superseded codes keep their row with live = NULL.
CREATE TABLE staff_binding_code (
  id          BIGINT AUTO_INCREMENT PRIMARY KEY,
  staff_id    BIGINT      NOT NULL,
  code_sha256 CHAR(64)    CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  issued_by   BIGINT      NOT NULL,
  expires_at  DATETIME(3) NOT NULL,
  created_at  DATETIME(3) NOT NULL,
  used_at     DATETIME(3) NULL,
  revoked_at  DATETIME(3) NULL,
  live        TINYINT     NULL DEFAULT 1,
  CONSTRAINT fk_sbc_staff FOREIGN KEY (staff_id) REFERENCES staff (id),
  CONSTRAINT fk_sbc_issuer FOREIGN KEY (issued_by) REFERENCES staff (id),
  CONSTRAINT uq_sbc_code UNIQUE (code_sha256),
  CONSTRAINT uq_sbc_live UNIQUE (staff_id, live)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A staff member's WeChat. Separate from wechat_binding so one openid can be a guardian and a staff member at once.
-- One live binding per staff member and per openid (live = 1); ended ones stay for the archive.
CREATE TABLE staff_wechat_binding (
  id         BIGINT AUTO_INCREMENT PRIMARY KEY,
  staff_id   BIGINT      NOT NULL,
  openid     VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
  bound_at   DATETIME(3) NOT NULL,
  ended_at   DATETIME(3) NULL,
  ended_by   VARCHAR(16) NULL,
  live       TINYINT     NULL DEFAULT 1,
  CONSTRAINT fk_swb_staff FOREIGN KEY (staff_id) REFERENCES staff (id),
  CONSTRAINT uq_swb_staff_live UNIQUE (staff_id, live),
  CONSTRAINT uq_swb_openid_live UNIQUE (openid, live)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- An outbox row is for a guardian or for a staff member, never both.
ALTER TABLE outbox_message
  MODIFY guardian_id BIGINT NULL,
  ADD COLUMN staff_id BIGINT NULL,
  ADD CONSTRAINT fk_outbox_staff FOREIGN KEY (staff_id) REFERENCES staff (id),
  ADD CONSTRAINT ck_outbox_addressee CHECK ((guardian_id IS NULL) <> (staff_id IS NULL));
CREATE INDEX ix_outbox_staff ON outbox_message (staff_id, id);

-- The occasion a staff alert is about (e.g. withdrawal:<application>): telling it again writes nothing new.
ALTER TABLE staff_notice
  ADD COLUMN occasion_key VARCHAR(160) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL,
  ADD CONSTRAINT uq_notice_occasion UNIQUE (staff_id, occasion_key);
