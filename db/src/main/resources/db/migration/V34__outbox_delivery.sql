-- WeChat reports each template message's fate later (TEMPLATESENDJOBFINISH, matched by the msgid the send returned):
-- a SENT row is delivered only once that report says so. NULL until a report arrives (customer-service messages get
-- none). The index serves the lookup by msgid on the webhook.
ALTER TABLE outbox_message
  ADD COLUMN delivery_status VARCHAR(24) NULL,
  ADD COLUMN delivery_reported_at DATETIME(3) NULL;
CREATE INDEX ix_outbox_wechat_msg_id ON outbox_message (wechat_msg_id);
