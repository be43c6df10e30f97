-- Which seats a signature covers. A seat is signed once a signature covers it: the first agreement signs every seat
-- held then; a seat added to an active enrolment (a waitlist offer accepted) waits for a signature of its own until
-- sign_by, and is released if none comes. The daily roster counts signed seats only.
ALTER TABLE application_choice
  ADD COLUMN sign_asked_at DATETIME(3) NULL,
  ADD COLUMN sign_by       DATETIME(3) NULL,
  ADD COLUMN signed_at     DATETIME(3) NULL;
CREATE INDEX ix_choice_sign_by ON application_choice (sign_by);

-- The text an active enrolment's added seats wait to have signed: the seats signed so far and the added ones. NULL
-- when nothing is added; after a lapse the last signed text stands.
ALTER TABLE application
  ADD COLUMN amendment_document_id BIGINT NULL,
  ADD CONSTRAINT fk_app_amendment FOREIGN KEY (amendment_document_id) REFERENCES agreement_document (id);

-- Enrolments already active: a seat is signed by the first signature made after it was seated.
UPDATE application_choice ac JOIN application a ON a.id = ac.application_id
SET ac.signed_at = (SELECT MIN(s.signed_at) FROM agreement_signature s
                    WHERE s.application_id = ac.application_id AND s.signed_at >= ac.updated_at)
WHERE a.state = 'ACTIVE' AND ac.status = 'SEATED';

-- A seat an active enrolment took without a signature since then waits for one from now on, with the term's time to
-- sign (in the database's clock, a day more: the service's zone may be hours ahead of it).
UPDATE application_choice ac JOIN application a ON a.id = ac.application_id JOIN term t ON t.id = a.term_id
SET ac.sign_asked_at = NOW(3), ac.sign_by = NOW(3) + INTERVAL (t.sign_within_days + 1) DAY
WHERE a.state = 'ACTIVE' AND ac.status = 'SEATED' AND ac.signed_at IS NULL;

UPDATE application a
SET a.amendment_document_id = (SELECT MAX(d.id) FROM agreement_document d WHERE d.application_id = a.id)
WHERE a.state = 'ACTIVE' AND EXISTS (SELECT 1 FROM application_choice ac WHERE ac.application_id = a.id
                                     AND ac.status = 'SEATED' AND ac.signed_at IS NULL);
