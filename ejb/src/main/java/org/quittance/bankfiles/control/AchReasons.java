package org.quittance.bankfiles.control;

import java.util.Map;

/** What the NACHA return reason codes (R..) and change codes (C..) mean, as staff read them. */
public final class AchReasons {

    private static final Map<String, String> MEANING = Map.ofEntries(
            Map.entry("R01", "Insufficient funds"),
            Map.entry("R02", "Account closed"),
            Map.entry("R03", "No account / unable to locate account"),
            Map.entry("R04", "Invalid account number"),
            Map.entry("R05", "Unauthorised debit to a consumer account"),
            Map.entry("R06", "Returned at the originator's request"),
            Map.entry("R07", "Authorisation revoked by the customer"),
            Map.entry("R08", "Payment stopped"),
            Map.entry("R09", "Uncollected funds"),
            Map.entry("R10", "Customer advises not authorised"),
            Map.entry("R11", "Entry not in accordance with the authorisation"),
            Map.entry("R12", "Account sold to another bank"),
            Map.entry("R14", "Account holder deceased"),
            Map.entry("R15", "Beneficiary deceased"),
            Map.entry("R16", "Account frozen"),
            Map.entry("R17", "File record edit criteria"),
            Map.entry("R20", "Non-transaction account"),
            Map.entry("R23", "Credit entry refused by the receiver"),
            Map.entry("R24", "Duplicate entry"),
            Map.entry("R29", "Corporate customer advises not authorised"),
            Map.entry("R31", "Permissible return entry"),
            Map.entry("R33", "Return of an XCK entry"),
            Map.entry("R51", "Item related to an RCK entry is ineligible"),
            Map.entry("R61", "Misrouted return"),
            Map.entry("R67", "Duplicate return"),
            Map.entry("R68", "Untimely return"),
            Map.entry("R69", "Field error(s)"),
            Map.entry("R70", "Permissible return not accepted"),
            Map.entry("C01", "Incorrect account number"),
            Map.entry("C02", "Incorrect routing number"),
            Map.entry("C03", "Incorrect routing number and account number"),
            Map.entry("C05", "Incorrect transaction code"),
            Map.entry("C06", "Incorrect account number and transaction code"),
            Map.entry("C07", "Incorrect routing number, account number and transaction code"),
            Map.entry("C09", "Incorrect individual identification number"));

    private AchReasons() {
    }

    /** "R01 Insufficient funds"; a code outside the list says so rather than guessing. */
    public static String describe(String code) {
        String meaning = MEANING.get(code);
        return code + " " + (meaning != null ? meaning : "(a code outside the NACHA list: ask the bank)");
    }
}
