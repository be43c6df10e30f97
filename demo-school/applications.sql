-- Two pupils already hold seats in 国际象棋 (capacity 3), so the demo shows a nearly full club: the next parent takes
-- the last seat and the one after goes on the waitlist. Parents apply only through WeChat, hence plain SQL here.
INSERT INTO application (school_id, term_id, student_id, applicant_guardian_id, state, live)
SELECT s.school_id, o.term_id, s.id, MIN(sg.guardian_id), 'SUBMITTED', 1
FROM student s
JOIN student_guardian sg ON sg.student_id = s.id
JOIN offering o ON o.school_id = s.school_id AND o.name = '国际象棋'
WHERE s.student_no IN ('20260102', '20260302')
GROUP BY s.id, s.school_id, o.term_id;

INSERT INTO application_choice (application_id, offering_id, status)
SELECT a.id, o.id, 'SEATED'
FROM application a
JOIN student s ON s.id = a.student_id
JOIN offering o ON o.term_id = a.term_id AND o.name = '国际象棋'
WHERE s.student_no IN ('20260102', '20260302');

INSERT INTO application_history (application_id, from_state, to_state, actor_kind, actor_id)
SELECT a.id, NULL, 'SUBMITTED', 'GUARDIAN', a.applicant_guardian_id
FROM application a
JOIN student s ON s.id = a.student_id
WHERE s.student_no IN ('20260102', '20260302');
