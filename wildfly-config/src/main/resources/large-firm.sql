-- A large firm, added to a database that Quittance has migrated (and that holds the demo firm), by
-- set-based INSERT ... SELECT over generate_series: PostgreSQL's bulk path, not the application.
-- Run by org.quittance.devserver.LargeFirm (benchmarks/firm.sh), statement by statement; the
-- parameters in ${...} are filled in there. Deterministic: the same parameters give the same firm.
--
-- What it makes: ${clients} clients with three contacts each (the billing contact and one more have a
-- portal login, and a third for every other client), two matters each, ${invoices} published
-- invoices over five years with one line each (the first ${bigClients} clients have ${bigInvoices}
-- invoices each on their first matter), 95 % paid (one receipt per invoice, every sixth paying two),
-- 5 % open (a quarter of them part paid, some overdue), the ledger entries of all of it, and a
-- published version of each invoice whose PDF is not rendered (empty).
--
-- Ids start at 10,000,000, far above what the application has allocated; the sequences are moved past
-- them at the end. Foreign keys and triggers are not checked row by row (session_replication_role):
-- the checks at the end (LargeFirm) stand for them.

SET session_replication_role = replica;

CREATE TEMP TABLE gen_param AS
SELECT ${clients}::int AS clients, ${invoices}::int AS invoices, ${bigClients}::int AS big_clients, ${bigInvoices}::int AS big_invoices,
       current_date AS today, (SELECT min(id) FROM staff_user) AS staff,
       f.name AS firm_name, f.address AS firm_address, f.email AS firm_email, f.payment_instructions, f.default_currency AS currency,
       f.tax_label, f.tax_rate_percent,
       u.password_hash, u.password_salt, u.password_iterations
FROM firm f,
     (SELECT password_hash, password_salt, password_iterations FROM portal_user
      WHERE password_hash IS NOT NULL ORDER BY email = 'james.okafor@okafortrust.example' DESC, id LIMIT 1) u
ORDER BY f.id LIMIT 1;

CREATE TEMP TABLE gen_names AS
SELECT ARRAY['Abbott','Adeyemi','Ahmed','Ainsworth','Alvarez','Ashworth','Bailey','Banerjee','Barker','Bennett','Bishop','Blackwood',
             'Bradshaw','Brennan','Campbell','Carter','Chandra','Chowdhury','Clarke','Coleman','Collins','Cooper','Dalton','Davies',
             'Dawson','Delgado','Doyle','Duncan','Edwards','Ellis','Evans','Fairfax','Fernandes','Fletcher','Foster','Gallagher',
             'Garcia','Gibson','Gordon','Graham','Greenwood','Hamilton','Hargreaves','Harper','Hayes','Holloway','Hughes','Iqbal',
             'Jackson','Jenkins','Johnson','Kapoor','Kaur','Kelly','Kennedy','Khan','Lambert','Lawson','Lindqvist','Lloyd','Lopez',
             'Macdonald','Marsh','Matthews','Mensah','Moreau','Morgan','Murphy','Nakamura','Nash','Nguyen','Novak','Nowak','Okafor',
             'Oliveira','Osei','Owen','Palmer','Patel','Pearson','Quinn','Rahman','Reid','Richards','Rossi','Russell','Schmidt',
             'Sharma','Sinclair','Singh','Stewart','Sullivan','Taylor','Thornton','Turner','Wallace','Walsh','Whitfield','Wright',
             'Young'] AS surnames,
       ARRAY['Ada','Ben','Chloe','Dev','Emma','Femi','Grace','Hugo','Isla','Jack','Kemi','Leo','Maya','Noah','Olu','Priya','Rosa',
             'Sam','Tariq','Uma','Vera','Will','Yara','Zain','Amir'] AS first_names,
       ARRAY['Ltd','LLP','Holdings','Family Trust','& Co'] AS suffixes,
       ARRAY['General advice','Annual accounts','Sale of property','Employment matters','Tax return','Company secretarial',
             'Lease renewal','Probate','Shareholder agreement','VAT review'] AS matters;

INSERT INTO client (id, name, kind, version, address, portal_invoices, archived_at)
SELECT 10000000 + c,
       n.surnames[1 + c % 100] || ' & ' || n.surnames[1 + (c / 100) % 100] || ' ' || n.suffixes[1 + (c / 10000) % 5],
       'ORGANISATION', 0,
       (1 + c % 240) || ' ' || n.surnames[1 + (c / 7) % 100] || ' Street' || E'\n' || 'London EC' || (1 + c % 4) || 'A ' || (1 + c % 9) || 'AA',
       c % 10 <> 0, NULL
FROM gen_param p, gen_names n, generate_series(1, p.clients) c;

-- Contact k of client c has id 10,000,000 + 3c + k; k = 0 is the billing contact.
INSERT INTO contact (id, client_id, name, email, billing_contact, version, portal_user_id)
SELECT 10000000 + 3 * c + k, 10000000 + c,
       n.first_names[1 + (c + 7 * k) % 25] || ' ' || n.surnames[1 + (c * 3 + k) % 100],
       'contact' || k || '.c' || c || '@client' || c || '.example', k = 0, 0, NULL
FROM gen_param p, gen_names n, generate_series(1, p.clients) c, generate_series(0, 2) k;

-- Registered portal users (the demo's password): contacts 0 and 1 of every client, contact 2 of every other.
INSERT INTO portal_user (id, email, state, password_hash, password_salt, password_iterations, failed_logins, locked_until, version, last_sign_in_at)
SELECT ct.id, ct.email, 'REGISTERED', p.password_hash, p.password_salt, p.password_iterations, 0, NULL, 0, NULL
FROM contact ct, gen_param p
WHERE ct.id > 10000000 AND ((ct.id - 10000000) % 3 < 2 OR ((ct.id - 10000000) / 3) % 2 = 0);

UPDATE contact SET portal_user_id = id WHERE id > 10000000 AND id IN (SELECT id FROM portal_user WHERE id > 10000000);

-- Matter j of client c has id 10,000,000 + 2c + j.
INSERT INTO matter (id, client_id, number, title, currency, hourly_rate, responsible_staff_id, version)
SELECT 10000000 + 2 * c + j, 10000000 + c, 'L' || lpad(c::text, 5, '0') || '-' || (j + 1), n.matters[1 + (c + 3 * j) % 10],
       p.currency, 250, p.staff, 0
FROM gen_param p, gen_names n, generate_series(1, p.clients) c, generate_series(0, 1) j;

-- The first matter goes to contacts 0 and 1, the second to the billing contact.
INSERT INTO matter_recipient (matter_id, portal_user_id)
SELECT 10000000 + 2 * c + j, 10000000 + 3 * c + k
FROM gen_param p, generate_series(1, p.clients) c, generate_series(0, 1) j, generate_series(0, 1) k
WHERE k <= 1 - j;

-- Invoice n: open when n is a multiple of 20 (part paid when of 80), issued in the last 120 days if
-- open, else in the last five years; 25 invoices per matter in turn after the big clients' ones.
CREATE TEMP TABLE gen_invoice AS
WITH base AS (
    SELECT n, n % 20 = 0 AS open, n % 80 = 0 AS partly,
           CASE WHEN n <= p.big_clients * p.big_invoices THEN 10000000 + 2 * ((n - 1) / p.big_invoices + 1)
                ELSE 10000002 + ((n - p.big_clients * p.big_invoices - 1) / 25) % (2 * p.clients) END AS matter_id,
           (100 + ((n::bigint * 104729) % 490000) / 100.0)::numeric(19, 4) AS total,
           p.today - (CASE WHEN n % 20 = 0 THEN (n::bigint * 7919) % 120 ELSE (n::bigint * 7919) % 1826 END)::int AS issue_date
    FROM gen_param p, generate_series(1, p.invoices) n),
numbered AS (
    SELECT b.*, extract(year FROM b.issue_date)::int AS year,
           row_number() OVER (PARTITION BY extract(year FROM b.issue_date) ORDER BY b.issue_date, b.n) AS seq
    FROM base b)
SELECT x.n, x.open, x.partly, x.matter_id, 10000000 + (x.matter_id - 10000000) / 2 AS client_id, x.total,
       round(x.total * 100 / (100 + p.tax_rate_percent), 2) AS subtotal, x.issue_date, x.issue_date + 30 AS due_date, x.year,
       x.seq + COALESCE((SELECT last_value FROM invoice_counter WHERE period = x.year::text), 0) AS number_seq,
       CASE WHEN x.partly THEN round(x.total / 2, 2) WHEN x.open THEN 0 ELSE x.total END AS paid,
       (x.issue_date + time '09:00') AT TIME ZONE 'UTC' AS finalised_at
FROM numbered x, gen_param p;

ALTER TABLE gen_invoice ADD COLUMN number text;
UPDATE gen_invoice SET number = 'INV-' || year || '-' || lpad(number_seq::text, greatest(5, length(number_seq::text)), '0');
CREATE UNIQUE INDEX ON gen_invoice (n);
ANALYZE gen_invoice;

INSERT INTO invoice (id, matter_id, number, state, currency, issue_date, due_date, discount_percent, tax_rate_percent, tax_label,
                     subtotal, discount, tax, total, balance_due, replaces_id, created_by, created_at, finalised_at, published_at,
                     published_by, voided_at, void_reason, version)
SELECT 10000000 + g.n, g.matter_id, g.number,
       CASE WHEN g.partly THEN 'PARTLY_PAID' WHEN g.open THEN 'PUBLISHED' ELSE 'PAID' END,
       p.currency, g.issue_date, g.due_date, 0, p.tax_rate_percent, p.tax_label,
       g.subtotal, 0, g.total - g.subtotal, g.total, g.total - g.paid, NULL, 'large firm', g.finalised_at, g.finalised_at,
       g.finalised_at + interval '1 hour', 'large firm', NULL, NULL, 0
FROM gen_invoice g, gen_param p;

INSERT INTO invoice_counter (period, last_value)
SELECT year::text, max(number_seq) FROM gen_invoice GROUP BY year
ON CONFLICT (period) DO UPDATE SET last_value = GREATEST(invoice_counter.last_value, EXCLUDED.last_value);

INSERT INTO invoice_line (id, invoice_id, position, kind, work_date, description, quantity, unit_price, amount, taxable,
                          time_entry_id, expense_id, fixed_fee_id)
SELECT 10000000 + g.n, 10000000 + g.n, 0, 'FIXED_FEE', g.issue_date,
       'Professional services, ' || to_char(g.issue_date, 'FMMonth YYYY'), 1, g.subtotal, g.subtotal, TRUE, NULL, NULL, NULL
FROM gen_invoice g;

INSERT INTO published_invoice (id, invoice_id, matter_id, client_id, document_no, number, issue_date, due_date, currency, total,
                               snapshot, pdf, pdf_sha256, published_at, superseded_by, version)
SELECT 10000000 + g.n, 10000000 + g.n, g.matter_id, g.client_id, 1, g.number, g.issue_date, g.due_date, p.currency, g.total,
       json_build_object(
           'firm', json_build_object('name', p.firm_name, 'address', p.firm_address, 'email', p.firm_email),
           'client', json_build_object('name', c.name, 'address', c.address),
           'matter', json_build_object('number', m.number, 'title', m.title),
           'number', g.number, 'issueDate', g.issue_date, 'dueDate', g.due_date, 'currency', p.currency,
           'lines', json_build_array(json_build_object('kind', 'FIXED_FEE',
                   'description', 'Professional services, ' || to_char(g.issue_date, 'FMMonth YYYY'),
                   'quantity', 1.00, 'unitPrice', g.subtotal, 'amount', g.subtotal, 'date', g.issue_date)),
           'fees', g.subtotal, 'expenses', 0.00, 'subtotal', g.subtotal, 'discountPercent', 0, 'discount', 0.00,
           'taxLabel', p.tax_label, 'taxRatePercent', p.tax_rate_percent, 'tax', g.total - g.subtotal, 'total', g.total,
           'balanceDue', g.total, 'paymentInstructions', p.payment_instructions,
           'portalLink', '/portal/invoice.xhtml?id=' || (10000000 + g.n), 'locale', 'en-GB')::text,
       '\x'::bytea, 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', g.finalised_at + interval '1 hour', NULL, 0
FROM gen_invoice g JOIN matter m ON m.id = g.matter_id JOIN client c ON c.id = g.client_id, gen_param p;

-- Receipts: one per paid or part-paid invoice, except that every sixth paid invoice shares the
-- receipt of the invoice before it (same matter, also paid).
CREATE TEMP TABLE gen_allocation AS
SELECT g.n, g.client_id, g.matter_id, g.number, g.paid,
       CASE WHEN NOT g.open AND g.n % 6 = 1 AND (g.n - 1) % 20 <> 0
                 AND lag(g.matter_id) OVER (ORDER BY g.n) = g.matter_id THEN g.n - 1 ELSE g.n END AS rk
FROM gen_invoice g WHERE g.paid > 0;

-- Received some days after the later of the invoices it pays, never in the future.
CREATE TEMP TABLE gen_receipt AS
SELECT a.rk, min(a.client_id) AS client_id, sum(a.paid) AS gross,
       (LEAST(max(g.issue_date) + (a.rk::bigint * 31 % 28)::int, min(p.today)) + time '14:00') AT TIME ZONE 'UTC' AS received_at,
       a.rk % 5 < 3 AS by_card, CASE WHEN a.rk % 2 = 0 THEN 'WIRE' ELSE 'CHEQUE' END AS bank_method
FROM gen_allocation a JOIN gen_invoice g ON g.n = a.n, gen_param p
GROUP BY a.rk;

INSERT INTO receipt (id, source, method, payment_reference, settlement_id, charge_reference, client_id, currency, gross, fee, net,
                     payout, description, received_at, state, match_kind, match_reason, state_reason, unapplied, decided_by,
                     decided_at, created_at, version, entry_key, refunded, disputed)
SELECT 10000000 + r.rk,
       CASE WHEN r.by_card THEN 'PROCESSOR' ELSE 'BANK' END,
       CASE WHEN r.by_card THEN 'CARD' ELSE r.bank_method END,
       CASE WHEN r.by_card THEN 'pi_gen' || r.rk ELSE 'GEN' || r.rk END,
       CASE WHEN r.by_card THEN 'txn_gen' || r.rk END,
       CASE WHEN r.by_card THEN 'ch_gen' || r.rk END,
       r.client_id, p.currency, r.gross,
       CASE WHEN r.by_card THEN round(r.gross * 0.014 + 0.20, 2) END,
       CASE WHEN r.by_card THEN r.gross - round(r.gross * 0.014 + 0.20, 2) END,
       NULL, CASE WHEN r.by_card THEN 'Card payment in the portal' ELSE 'Payment from the client' END,
       r.received_at, 'ACCEPTED', 'CERTAIN', 'Generated: the invoice numbers in the reference', NULL, 0, 'large firm',
       r.received_at, r.received_at, 0, NULL, 0, FALSE
FROM gen_receipt r, gen_param p;

INSERT INTO receipt_allocation (receipt_id, invoice_id, amount)
SELECT 10000000 + a.rk, 10000000 + a.n, a.paid FROM gen_allocation a;

-- The ledger: each invoice's entry (id 10,000,000 + 2n) and the receipt's entry on it (+1).
INSERT INTO ledger_entry (id, client_id, matter_id, invoice_id, receipt_id, kind, description, currency, amount, posted_at, posted_by)
SELECT 10000000 + 2 * g.n, g.client_id, g.matter_id, 10000000 + g.n, NULL, 'INVOICE', 'Invoice ' || g.number, p.currency, g.total,
       g.finalised_at, 'large firm'
FROM gen_invoice g, gen_param p;

INSERT INTO ledger_entry (id, client_id, matter_id, invoice_id, receipt_id, kind, description, currency, amount, posted_at, posted_by)
SELECT 10000000 + 2 * a.n + 1, a.client_id, a.matter_id, 10000000 + a.n, 10000000 + a.rk, 'RECEIPT',
       CASE WHEN r.by_card THEN 'Paid from portal (pi_gen' || a.rk || ')'
            WHEN r.bank_method = 'WIRE' THEN 'Wire transfer received (GEN' || a.rk || ')'
            ELSE 'Cheque received (GEN' || a.rk || ')' END,
       p.currency, -a.paid, r.received_at, 'large firm'
FROM gen_allocation a JOIN gen_receipt r ON r.rk = a.rk, gen_param p;

SET session_replication_role = origin;

-- The receipts were written with the triggers off: Reports' hourly totals are taken from them (V27).
SELECT rebuild_receipt_hours();

-- Past every generated id, whatever the application allocated before.
SELECT setval(s::regclass, GREATEST((SELECT last_value FROM pg_sequences WHERE schemaname = 'public' AND sequencename = s),
                          10000000 + 2 * (SELECT invoices FROM gen_param) + 100000))
FROM unnest(ARRAY['client_seq', 'contact_seq', 'portal_user_seq', 'matter_seq', 'invoice_seq', 'invoice_line_seq',
                  'published_invoice_seq', 'receipt_seq', 'ledger_entry_seq']) s;

ANALYZE;
