-- Counts the DUI supplies for the usage indicators, per structure and month (YYYY-MM). Same in both flavours.
CREATE TABLE dui_activity (
    finess              VARCHAR(9) NOT NULL,
    period_month        VARCHAR(7) NOT NULL,
    persons_accompanied INTEGER    NOT NULL,
    active_records      INTEGER    NOT NULL,
    active_with_project INTEGER    NOT NULL,
    active_with_event   INTEGER    NOT NULL,
    recorded_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_dui_activity PRIMARY KEY (finess, period_month)
);
