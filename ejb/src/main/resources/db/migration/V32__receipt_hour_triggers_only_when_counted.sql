-- The hourly receipt totals' trigger (V27) now fires only for the receipts it counts, the accepted
-- ones: PostgreSQL tests a trigger's WHEN before it queues the trigger, so a receipt that arrives
-- awaiting acceptance (each receipt an import writes, a million for a large firm's settlement file)
-- no longer costs a call of the function. What the function records is unchanged.
DROP TRIGGER receipt_hour_change ON receipt;

CREATE TRIGGER receipt_hour_insert AFTER INSERT ON receipt
    FOR EACH ROW WHEN (NEW.state = 'ACCEPTED') EXECUTE FUNCTION record_receipt_hour_change();

CREATE TRIGGER receipt_hour_update AFTER UPDATE ON receipt
    FOR EACH ROW WHEN (OLD.state = 'ACCEPTED' OR NEW.state = 'ACCEPTED') EXECUTE FUNCTION record_receipt_hour_change();

CREATE TRIGGER receipt_hour_delete AFTER DELETE ON receipt
    FOR EACH ROW WHEN (OLD.state = 'ACCEPTED') EXECUTE FUNCTION record_receipt_hour_change();
