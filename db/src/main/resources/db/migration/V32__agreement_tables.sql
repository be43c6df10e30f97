-- The entrustment agreement (委托协议): the exact text each application was offered, and every signature against it.

ALTER TABLE term ADD COLUMN sign_within_days INT NOT NULL DEFAULT 7;

ALTER TABLE application
  ADD COLUMN agreement_sent_at     DATETIME(3) NULL,
  ADD COLUMN agreement_deadline_at DATETIME(3) NULL,
  ADD COLUMN active_from           DATE        NULL;

-- One rendered agreement per application and version of its text; the body is archived as the guardian read it.
CREATE TABLE agreement_document (
  id                BIGINT AUTO_INCREMENT PRIMARY KEY,
  application_id    BIGINT      NOT NULL,
  template_version  VARCHAR(40) NOT NULL,
  sha256            CHAR(64)    NOT NULL,
  body              MEDIUMTEXT  NOT NULL,
  created_at        DATETIME(3) NOT NULL,
  CONSTRAINT fk_agreement_app FOREIGN KEY (application_id) REFERENCES application (id),
  CONSTRAINT uq_agreement_text UNIQUE (application_id, sha256)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Append-only: a signature is never updated or deleted.
CREATE TABLE agreement_signature (
  id                     BIGINT AUTO_INCREMENT PRIMARY KEY,
  agreement_document_id  BIGINT      NOT NULL,
  application_id         BIGINT      NOT NULL,
  guardian_id            BIGINT      NOT NULL,
  openid                 VARCHAR(64) NOT NULL,
  template_version       VARCHAR(40) NOT NULL,
  sha256                 CHAR(64)    NOT NULL,
  signed_at              DATETIME(3) NOT NULL,
  CONSTRAINT fk_signature_document FOREIGN KEY (agreement_document_id) REFERENCES agreement_document (id),
  CONSTRAINT fk_signature_app FOREIGN KEY (application_id) REFERENCES application (id),
  CONSTRAINT fk_signature_guardian FOREIGN KEY (guardian_id) REFERENCES guardian (id),
  CONSTRAINT uq_signature UNIQUE (agreement_document_id, guardian_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
