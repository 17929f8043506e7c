-- Why a consumed message failed, kept outside the rolled-back transaction: the dead-letter screen
-- shows it next to the message and offers Replay.
CREATE TABLE message_failure (
    queue            VARCHAR(100) NOT NULL,
    message_key      VARCHAR(200) NOT NULL,
    message_type     VARCHAR(100),
    reason           TEXT         NOT NULL,
    attempts         INTEGER      NOT NULL,
    first_failed_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    last_failed_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    replayed_at      TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (queue, message_key)
);
