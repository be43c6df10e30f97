-- Identifiers compare byte for byte. Under utf8mb4_unicode_ci 'ABC' = 'abc' and 'a' = 'á', so a binding code, an openid
-- or a dedup key differing only in case or accent would find somebody else's row. Each column keeps its type, nullability
-- and indexes (MODIFY rebuilds them under the new collation). utf8mb4_bin still pads with spaces, as the other utf8mb4
-- collations do; Kehou strips whitespace from what it looks up.
-- Human names (classes, terms, grades, offerings) and the phone (digits only) stay as they were.

ALTER TABLE school
  MODIFY code VARCHAR(32) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL;

-- Usernames are matched case-insensitively by folding: stored folded to lower case (the admin API folds what is typed
-- the same way), so 'Admin' and 'admin' stay one account while 'ádmin' is another name. The old unique index already
-- kept two usernames from differing only in case, so folding cannot collide.
UPDATE staff SET username = LOWER(TRIM(username));
ALTER TABLE staff
  MODIFY username VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL;

ALTER TABLE student
  MODIFY student_no VARCHAR(32) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL;

ALTER TABLE binding_code
  MODIFY code VARCHAR(16) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL;

ALTER TABLE wechat_binding
  MODIFY openid VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL;

ALTER TABLE letter_version
  MODIFY template_version VARCHAR(40) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
  MODIFY sha256 CHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL;

ALTER TABLE letter_receipt
  MODIFY openid VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL;

ALTER TABLE outbox_message
  MODIFY openid VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL,
  MODIFY dedup_key VARCHAR(160) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
  MODIFY claim_token CHAR(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL,
  MODIFY wechat_msg_id VARCHAR(40) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL;

ALTER TABLE agreement_document
  MODIFY template_version VARCHAR(40) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
  MODIFY sha256 CHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL;

ALTER TABLE agreement_signature
  MODIFY openid VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
  MODIFY template_version VARCHAR(40) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
  MODIFY sha256 CHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL;
